using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CustomerEngine.CrossSell.Model;

namespace CustomerEngine.CrossSell.Benchmarks;

/// <summary>
/// A backfill over a catalog far larger than Groceries' 169 items: 500,000 random baskets of 1 to
/// 7 lines over 50,000 SKUs (popularity skewed towards low numbers), about 3.9 million distinct
/// pairs. Here the pair tables outgrow the CPU caches, so this is the figure to expect from a real
/// shop's backfill. One operation is one basket.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[OperationsPerSecond]
[MemoryDiagnoser]
public class WideCatalogBackfillBenchmarks
{
    /// <summary>The baskets of one backfill.</summary>
    public const int Baskets = 500_000;

    private string[][] _baskets = [];
    private CrossSellModel _model = new();

    /// <summary>Generates the baskets, the same ones on every run.</summary>
    [GlobalSetup]
    public void GenerateBaskets()
    {
        var random = new Random(50_000);
        var skus = Enumerable.Range(0, 50_000).Select(i => $"sku-{i:D5}").ToArray();
        _baskets = Enumerable.Range(0, Baskets)
            .Select(_ => Enumerable.Range(0, random.Next(1, 8)).Select(_ => skus[(int)(Math.Pow(random.NextDouble(), 2) * skus.Length)]).ToArray())
            .ToArray();
    }

    /// <summary>Every backfill starts from an empty model.</summary>
    [IterationSetup]
    public void StartEmpty() => _model = new CrossSellModel();

    /// <summary>One thread learns every basket.</summary>
    [Benchmark(OperationsPerInvoke = Baskets)]
    public long OneLearner()
    {
        foreach (var basket in _baskets)
        {
            _model.Learn(basket);
        }

        return _model.DistinctPairs;
    }
}
