using BenchmarkDotNet.Running;
using CustomerEngine.CrossSell.Benchmarks;

// "rules" prints the Groceries rule table of docs/cross-sell.md, "memory" the memory figure;
// anything else goes to BenchmarkDotNet (e.g. --filter '*Backfill*').
switch (args.FirstOrDefault())
{
    case "rules":
        GroceriesRuleTable.Print(Console.Out);
        break;
    case "memory":
        PairMemoryFootprint.Measure(Console.Out);
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(BackfillBenchmarks).Assembly).Run(args);
        break;
}
