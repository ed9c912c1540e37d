using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CustomerEngine.CrossSell.Model;

namespace CustomerEngine.CrossSell.Benchmarks;

/// <summary>
/// A backfill: the 9,835 Groceries baskets repeated to 500,000, learned into an empty model. One
/// operation is one basket, so the Op/s column is baskets learned per second.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10)]
[OperationsPerSecond]
[MemoryDiagnoser]
public class BackfillBenchmarks
{
    /// <summary>The baskets of one backfill.</summary>
    public const int Baskets = 500_000;

    private string[][] _baskets = [];
    private CrossSellModel _model = new();

    /// <summary>Loads the Groceries baskets and repeats them to <see cref="Baskets"/>.</summary>
    [GlobalSetup]
    public void LoadBaskets()
    {
        var groceries = GroceriesFile.Load();
        _baskets = Enumerable.Range(0, Baskets).Select(i => groceries[i % groceries.Length]).ToArray();
    }

    /// <summary>Every backfill starts from an empty model, as after a fresh deployment.</summary>
    [IterationSetup]
    public void StartEmpty() => _model = new CrossSellModel();

    /// <summary>One thread learns every basket.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Baskets)]
    public long OneLearner()
    {
        foreach (var basket in _baskets)
        {
            _model.Learn(basket);
        }

        return _model.Baskets;
    }

    /// <summary>Two threads (one per core of the reference machine) learn alternate baskets.</summary>
    [Benchmark(OperationsPerInvoke = Baskets)]
    public long TwoLearners()
    {
        Parallel.For(0, 2, learner =>
        {
            for (var i = learner; i < _baskets.Length; i += 2)
            {
                _model.Learn(_baskets[i]);
            }
        });
        return _model.Baskets;
    }
}
