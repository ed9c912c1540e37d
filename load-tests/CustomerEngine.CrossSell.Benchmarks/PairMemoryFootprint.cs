using CustomerEngine.CrossSell.Model;

namespace CustomerEngine.CrossSell.Benchmarks;

/// <summary>
/// Managed memory the model takes per 1,000,000 distinct item pairs: random 10-item baskets over
/// a catalog are learned until at least 1,000,000 distinct pairs exist, and the heap is measured
/// (after a forced, compacting collection) before and after. Two catalog sizes (about 100 and
/// 170 partners per item) are measured because the figure depends on how full each item's pair
/// table happens to be after its last doubling.
/// </summary>
internal static class PairMemoryFootprint
{
    private const int BasketSize = 10;
    private const long TargetPairs = 1_000_000;

    public static void Measure(TextWriter output)
    {
        Measure(output, catalogSize: 20_000);
        output.WriteLine();
        Measure(output, catalogSize: 12_000);
    }

    private static void Measure(TextWriter output, int catalogSize)
    {
        // The SKU strings are made before the baseline: they belong to the caller's events, and
        // the model only references them.
        var skus = Enumerable.Range(0, catalogSize).Select(i => $"sku-{i:D5}").ToArray();
        var random = new Random(20_000);
        var basket = new string[BasketSize];

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var model = new CrossSellModel();
        while (model.DistinctPairs < TargetPairs)
        {
            for (var i = 0; i < basket.Length; i++)
            {
                basket[i] = skus[random.Next(catalogSize)];
            }

            model.Learn(basket);
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        var bytes = after - before;
        using var snapshot = new MemoryStream();
        model.WriteSnapshot(snapshot);
        GC.KeepAlive(model);

        output.WriteLine($"baskets learned:          {model.Baskets:N0}");
        output.WriteLine($"distinct items:           {model.DistinctItems:N0}");
        output.WriteLine($"distinct pairs:           {model.DistinctPairs:N0}");
        output.WriteLine($"managed memory:           {bytes:N0} bytes");
        output.WriteLine($"per pair:                 {(double)bytes / model.DistinctPairs:F1} bytes");
        output.WriteLine($"per 1,000,000 pairs:      {bytes * 1_000_000.0 / model.DistinctPairs / (1024 * 1024):F1} MiB");
        output.WriteLine($"snapshot:                 {snapshot.Length:N0} bytes ({(double)snapshot.Length / model.DistinctPairs:F1} bytes per pair)");
    }
}
