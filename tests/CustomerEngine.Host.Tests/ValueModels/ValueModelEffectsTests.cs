using System.Text.Json.Nodes;
using CustomerEngine.Host.Tests.Support;
using CustomerEngine.ValueModels.BgNbd;
using static CustomerEngine.Host.Tests.Support.Events;

namespace CustomerEngine.Host.Tests.ValueModels;

public sealed class ValueModelEffectsTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset FirstDay = Now.AddDays(-365).UtcDateTime.Date;

    [Fact]
    public async Task After_a_fit_tiers_are_the_lifetime_value_quantiles_of_the_whole_base()
    {
        await using var factory = new EngineFactory(clock: new ManualTimeProvider(Now));
        var client = factory.AdminClient();
        await client.IngestInBatchesAsync(SimulatedBase.Purchases("t", 400, FirstDay, Now, seed: 7));
        await factory.FlushIndexAsync();
        await factory.RankAsync();
        var rfmTiers = await ListedTiersAsync(client);

        await client.FitAsync();
        var listed = await ListedTiersAsync(client);
        var views = new Dictionary<string, JsonNode>();
        foreach (var id in listed.Keys)
        {
            views[id] = (await client.CustomerAsync(id))["value"]!;
        }

        var expected = LifetimeValueTiers(views.ToDictionary(v => v.Key, v => (double)v.Value["clv"]!));
        Assert.Equal(400, listed.Count);
        Assert.Equal(expected, listed);
        Assert.Equal(expected, views.ToDictionary(v => v.Key, v => (string?)v.Value["tier"]));
        Assert.InRange(expected.Values.Count(tier => tier == "high"), 80, 100);
        Assert.InRange(expected.Values.Count(tier => tier == "low"), 120, 150);
        Assert.Contains(listed.Keys, id => rfmTiers[id] != listed[id]);
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task After_a_fit_the_overview_shows_how_lifetime_value_spreads_over_the_base()
    {
        await using var factory = new EngineFactory(clock: new ManualTimeProvider(Now));
        var client = factory.AdminClient();
        await client.IngestInBatchesAsync(SimulatedBase.Purchases("o", 200, FirstDay, Now, seed: 11));
        var (_, before, _) = await client.GetJsonAsync("/api/overview");

        await client.FitAsync();
        var clvs = new List<double>();
        for (var i = 0; i < 200; i++)
        {
            if (await client.GetJsonAsync($"/api/customers/o-{i:D4}") is ({ } status, { } view, _) && status == System.Net.HttpStatusCode.OK && view["value"]!["clv"] is { } clv)
            {
                clvs.Add((double)clv);
            }
        }

        var (_, after, _) = await client.GetJsonAsync("/api/overview");
        var spread = after!["lifetimeValue"]!;

        Assert.Null(before!["lifetimeValue"]);
        Assert.Equal(clvs.Count, (long)spread["scored"]!);
        Assert.Equal(clvs.Count, spread["bands"]!.AsArray().Sum(b => (long)b!["customers"]!));
        Assert.Equal(clvs.Sum(), (double)spread["total"]!, 1);
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task A_customer_whose_p_alive_falls_below_the_threshold_moves_to_at_risk_with_that_reason()
    {
        var clock = new ManualTimeProvider(Now);
        await using var factory = new EngineFactory(clock: clock);
        var client = factory.AdminClient();
        await client.IngestInBatchesAsync(SimulatedBase.Purchases("l", 400, FirstDay, Now, seed: 11));
        var lastPurchase = Now.AddDays(-3).UtcDateTime.Date.AddHours(10);
        var firstPurchase = lastPurchase.AddDays(-63);
        await client.IngestAsync([.. Enumerable.Range(0, 10).Select(week => (JsonNode)Purchase("weekly", firstPurchase.AddDays(7 * week), price: 30m))]);
        var fit = (await client.FitAsync())["result"]!["bgNbd"]!;
        var parameters = new BgNbdParameters((double)fit["r"]!, (double)fit["alpha"]!, (double)fit["a"]!, (double)fit["b"]!);

        // Ten weekly purchase days: x = 9, t_x = 9 weeks; P(alive) falls at the start of the first day below 0.5.
        var crossingDay = Enumerable.Range(64, 1000).First(day => parameters.ProbabilityAlive(9, 9, day / 7.0) < 0.5);
        var crossing = new DateTimeOffset(firstPurchase.Date.AddDays(crossingDay), TimeSpan.Zero);
        Assert.True(crossing < new DateTimeOffset(lastPurchase.AddDays(60)), $"the test needs the P(alive) rule to fire first; it falls at {crossing:O}");
        Assert.Equal("active", (string?)(await client.CustomerAsync("weekly"))["lifecycle"]!["stage"]);

        clock.Advance(crossing.AddHours(1) - Now);
        var customer = await client.CustomerAsync("weekly");
        await WaitForListedStageAsync(client, clock, "weekly", "atRisk");

        var last = customer["lifecycle"]!["history"]!.AsArray()[^1]!;
        Assert.Equal("atRisk", (string?)customer["lifecycle"]!["stage"]);
        Assert.Equal(("active", "atRisk"), ((string?)last["from"], (string?)last["to"]));
        Assert.Equal(crossing, (DateTimeOffset)last["at"]!);
        Assert.Equal("P(alive) fell below 0.5", (string?)last["reason"]);
        Assert.True((double)customer["value"]!["pAlive"]! < 0.5);
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    // The rule of DOMAIN.md §3 worked out independently: the top fifth by CLV is high, the bottom three tenths low,
    // and customers level with a boundary join that tier.
    private static Dictionary<string, string?> LifetimeValueTiers(Dictionary<string, double> clv)
    {
        var descending = clv.Values.OrderByDescending(v => v).ToArray();
        var highFloor = descending[(int)Math.Round(descending.Length * 0.2, MidpointRounding.AwayFromZero) - 1];
        var lowCeiling = descending[descending.Length - (int)Math.Round(descending.Length * 0.3, MidpointRounding.AwayFromZero)];
        return clv.ToDictionary(c => c.Key, c => (string?)(c.Value >= highFloor ? "high" : c.Value <= lowCeiling ? "low" : "medium"));
    }

    private static async Task<Dictionary<string, string?>> ListedTiersAsync(HttpClient client)
    {
        var tiers = new Dictionary<string, string?>();
        for (var page = 1; ; page++)
        {
            var (_, body, _) = await client.GetJsonAsync($"/api/customers?pageSize=500&page={page}");
            var items = body!["items"]!.AsArray();
            foreach (var item in items)
            {
                tiers[(string)item!["customerId"]!] = (string?)item["tier"];
            }

            if (items.Count < 500)
            {
                return tiers;
            }
        }
    }

    private static async Task WaitForListedStageAsync(HttpClient client, ManualTimeProvider clock, string id, string stage)
    {
        // Lists read the index; the value ranking (a reminder) notices customers whose P(alive) fell since their
        // row was written. The clock keeps moving a minute per attempt, as it would for real.
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var (_, body, _) = await client.GetJsonAsync($"/api/customers?stage={stage}&pageSize=500");
            if (body!["items"]!.AsArray().Any(i => (string?)i!["customerId"] == id))
            {
                return;
            }

            await Task.Delay(100);
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Fail($"{id} never appeared in the list as {stage}");
    }
}
