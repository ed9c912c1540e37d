using BenchmarkDotNet.Running;
using CustomerEngine.ValueModels.Benchmarks;

// Everything goes to BenchmarkDotNet, e.g. --filter '*FitBenchmarks*'.
BenchmarkSwitcher.FromAssembly(typeof(FitBenchmarks).Assembly).Run(args);
