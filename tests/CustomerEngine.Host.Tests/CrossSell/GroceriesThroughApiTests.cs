using System.Diagnostics;
using System.Net;
using CustomerEngine.Host.Tests.Support;
using Xunit.Abstractions;

namespace CustomerEngine.Host.Tests.CrossSell;

/// <summary>The Groceries data (arules), one purchase event per basket, through the real API.</summary>
public sealed class GroceriesThroughApiTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Groceries_posted_as_purchases_yield_the_published_rules()
    {
        var baskets = File.ReadAllLines(GroceriesCsv()).Select(line => line.Split(',')).ToArray();
        Assert.Equal(9835, baskets.Length);

        // Items keep their trailing spaces ("cream cheese "), as in the file and in arules; a
        // hundred customers share the baskets so the test measures the model, not activations.
        var purchases = baskets
            .Select((items, i) => Baskets.Purchase($"g-c{i % 100}", Baskets.Day.AddSeconds(i), items.Select(item => (item, (string?)null, 1m)), eventId: $"g-{i}"))
            .ToArray();
        var watch = Stopwatch.StartNew();
        await using var factory = new EngineFactory();
        var client = factory.CreateClient();
        await factory.CrossSellCaughtUpAsync();
        await client.IngestAllAsync(purchases);
        output.WriteLine($"posted {purchases.Length} purchases in {watch.Elapsed}");

        var (status, body, _) = await client.GetJsonAsync("/api/cross-sell/rules?minSupport=0.01&minConfidence=0.3&limit=100");
        var (_, vegetables, _) = await client.GetJsonAsync($"/api/products/{Uri.EscapeDataString("other vegetables")}/associations?limit=100");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(9835, (long)body!["baskets"]!);
        var rules = body["rules"]!.AsArray();
        Assert.Equal(69, rules.Count);

        // docs/cross-sell.md, rule 1: {beef} ⇒ {root vegetables}, count 171, lift 3.0404.
        Assert.Equal("beef", (string)rules[0]!["antecedent"]!);
        Assert.Equal("root vegetables", (string)rules[0]!["consequent"]!);
        Assert.Equal(171, (long)rules[0]!["count"]!);
        Assert.Equal(3.0404, Math.Round((double)rules[0]!["lift"]!, 4));

        // Published for this data with arules: {other vegetables} ⇒ {whole milk}: count 736,
        // support 0.07483, confidence 0.3868, lift 1.5136 (n(other vegetables) = 1,903, n(whole milk) = 2,513).
        var milk = rules.Single(r => (string)r!["antecedent"]! == "other vegetables" && (string)r["consequent"]! == "whole milk")!;
        Assert.Equal(736, (long)milk["count"]!);
        Assert.Equal(736.0 / 9835, (double)milk["support"]!);
        Assert.Equal(736.0 / 1903, (double)milk["confidence"]!);
        Assert.Equal(736.0 * 9835 / (1903.0 * 2513), (double)milk["lift"]!);
        Assert.Equal(0.07483, Math.Round((double)milk["support"]!, 5));
        Assert.Equal(0.3868, Math.Round((double)milk["confidence"]!, 4));
        Assert.Equal(1.5136, Math.Round((double)milk["lift"]!, 4));

        var fromVegetables = vegetables!.AsArray().Single(a => (string)a!["sku"]! == "whole milk")!;
        Assert.Equal(milk.ToJsonString(), fromVegetables.ToJsonString().Replace("{\"sku\":\"whole milk\",", "{\"antecedent\":\"other vegetables\",\"consequent\":\"whole milk\",", StringComparison.Ordinal));
        output.WriteLine($"done in {watch.Elapsed}");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        await factory.DisposeAsync();
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    private static string GroceriesCsv()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var path = Path.Combine(folder.FullName, "tests", "data", "groceries.csv");
            if (File.Exists(Path.Combine(folder.FullName, "CustomerEngine.sln")))
            {
                Assert.True(File.Exists(path), $"The Groceries data set is expected at {path} (one basket per line, items comma-separated).");
                return path;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} contains CustomerEngine.sln.");
    }
}
