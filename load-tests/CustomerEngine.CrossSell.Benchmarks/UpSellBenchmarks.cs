using System.Globalization;
using BenchmarkDotNet.Attributes;
using CustomerEngine.CrossSell.Baskets;
using CustomerEngine.CrossSell.Candidates;
using CustomerEngine.CrossSell.Model;

namespace CustomerEngine.CrossSell.Benchmarks;

/// <summary>
/// Up-sell for one customer, as most decisions ask it: the load tool's shop (2,000 SKUs in eight
/// categories, one list price each, 250 SKUs a category) after 20,000 single-line baskets, and a
/// customer with 3 items in the basket and 10 recent purchases.
/// </summary>
[MemoryDiagnoser]
public class UpSellBenchmarks
{
    private const int Skus = 2_000;
    private static readonly string[] Categories = ["tents", "sleeping-bags", "mats", "stoves", "boots", "jackets", "backpacks", "lamps"];

    private readonly CrossSellModel _model = new();
    private readonly UpSellOptions _options = new();
    private BasketLine[] _basket = [];
    private BasketLine[] _recentPurchases = [];

    /// <summary>Teaches the model the shop's prices and basket counts.</summary>
    [GlobalSetup]
    public void LearnShop()
    {
        var random = new Random(7);
        for (var i = 0; i < 20_000; i++)
        {
            _model.Learn([Line(random.Next(Skus))]);
        }

        _basket = [.. Enumerable.Range(0, 3).Select(_ => Line(random.Next(Skus)))];
        _recentPurchases = [.. Enumerable.Range(0, 10).Select(_ => Line(random.Next(Skus)))];
    }

    /// <summary>One customer's up-sell suggestions.</summary>
    [Benchmark]
    public int OneCustomer() => UpSellCandidates.For(_model, _basket, _recentPurchases, _options).Count;

    // The same catalogue as the load tool's RetailEventGenerator.
    private static BasketLine Line(int product) => new(
        "SKU-" + product.ToString(CultureInfo.InvariantCulture),
        Categories[product % Categories.Length],
        5m + ((uint)(product * 2654435761u) % 29500u / 100m));
}
