using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CustomerEngine.Campaigns.Holdout;
using CustomerEngine.Host.Tests.Support;
using static CustomerEngine.Host.Tests.Support.Events;

namespace CustomerEngine.Host.Tests.Campaigns;

public sealed class CampaignDeliveryTests
{
    [Fact]
    public async Task A_campaign_triggered_on_a_tents_purchase_reaches_exactly_the_targeted_customers()
    {
        await using var factory = new EngineFactory();
        await using var engine = CampaignEngine.Start(factory);
        using var client = engine.CreateClient();
        var now = DateTimeOffset.UtcNow;
        var targeted = Ids("tent", 20);
        var priceDriven = Ids("bargain", 10);
        var stoveBuyers = Ids("stove", 10);
        await RegisterAsync(client, [.. targeted, .. priceDriven, .. stoveBuyers], now.AddDays(-10));
        var id = await client.StartCampaignAsync(CampaignCalls.Campaign());

        await PostInParallelAsync(client, [
            .. targeted.Select(c => Purchase(c, now.AddMinutes(-5), price: 180m, category: "tents")),
            .. priceDriven.Select(c => Purchase(c, now.AddMinutes(-5), price: 180m, discount: 120m, category: "tents")),
            .. stoveBuyers.Select(c => Purchase(c, now.AddMinutes(-5), price: 40m, category: "stoves", sku: "STOVE-1")),
        ]);

        foreach (var customer in targeted)
        {
            Assert.Single(await client.OffersAsync(customer, id));
        }

        foreach (var customer in priceDriven.Concat(stoveBuyers))
        {
            Assert.Empty(await client.OffersAsync(customer, id));
        }

        var results = await client.ResultsAsync(id);
        Assert.Equal(20, results.Count("treatment", "presented"));
        Assert.Equal(20, results.Count("treatment", "triggered"));
        Assert.Equal(30, results.Count("treatment", "eligible"));
        Assert.Equal(0, results.Count("holdout", "eligible"));
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task Holdout_customers_are_counted_but_never_shown_the_offer_and_their_group_never_flips()
    {
        await using var factory = new EngineFactory();
        await using var engine = CampaignEngine.Start(factory);
        using var client = engine.CreateClient();
        var now = DateTimeOffset.UtcNow;
        var customers = Ids("h", 200);
        await RegisterAsync(client, customers, now.AddDays(-10));
        var id = await client.StartCampaignAsync(CampaignCalls.Campaign(holdoutPercent: 10));
        var held = customers.Where(c => HoldoutAssignment.IsHoldout(id, c, 10)).ToHashSet();

        await PostInParallelAsync(client, [.. customers.Select(c => Purchase(c, DateTimeOffset.UtcNow.AddSeconds(-30)))]);
        var shownFirst = await ShownAsync(client, customers, id);
        await PostInParallelAsync(client, [.. customers.Select(c => Purchase(c, DateTimeOffset.UtcNow.AddSeconds(-1)))]);
        var shownSecond = await ShownAsync(client, customers, id);
        var results = await client.ResultsAsync(id);

        Assert.Equal(customers.Where(c => !held.Contains(c)).ToHashSet(), shownFirst);
        Assert.Equal(shownFirst, shownSecond);
        Assert.Equal(held.Count, results.Count("holdout", "presented"));
        Assert.Equal(held.Count, results.Count("holdout", "eligible"));
        Assert.Equal(200 - held.Count, results.Count("treatment", "presented"));

        // The second purchase came while the offer was current (or would have been): not a new trigger for either group.
        Assert.Equal(held.Count, results.Count("holdout", "triggered"));
        Assert.Equal(200 - held.Count, results.Count("treatment", "triggered"));
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task The_budget_holds_under_parallel_load()
    {
        await using var factory = new EngineFactory();
        await using var engine = CampaignEngine.Start(factory);
        using var client = engine.CreateClient();
        var now = DateTimeOffset.UtcNow;
        var customers = Ids("b", 300);
        await RegisterAsync(client, customers, now.AddDays(-10));
        var id = await client.StartCampaignAsync(CampaignCalls.Campaign(caps: new JsonObject { ["perCustomer"] = 1, ["totalPresentations"] = 40 }));

        await PostInParallelAsync(client, [.. customers.Select(c => Purchase(c, now.AddMinutes(-1)))], batchSize: 5, parallelism: 16);
        var shown = await ShownAsync(client, customers, id);
        var results = await client.ResultsAsync(id);

        Assert.Equal(40, shown.Count);
        Assert.Equal(40, results.Count("treatment", "presented"));
        Assert.Equal(40, (long)results["budgetUsed"]!);
        Assert.Equal(300, results.Count("treatment", "triggered"));
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task The_per_customer_cap_holds_under_parallel_load()
    {
        await using var factory = new EngineFactory();
        await using var engine = CampaignEngine.Start(factory, ("Engagement:RepeatWindow", "00:00:00"), ("Engagement:DeclineCooldown", "00:00:00"));
        using var client = engine.CreateClient();
        var customers = Ids("cap", 30);
        await RegisterAsync(client, customers, DateTimeOffset.UtcNow.AddDays(-10));
        var id = await client.StartCampaignAsync(CampaignCalls.Campaign(caps: new JsonObject { ["perCustomer"] = 2, ["perCustomerWindowDays"] = 30 }));
        var seen = customers.ToDictionary(c => c, _ => new HashSet<string>());

        await Parallel.ForEachAsync(customers, new ParallelOptions { MaxDegreeOfParallelism = 10 }, async (customer, _) =>
        {
            for (var round = 0; round < 4; round++)
            {
                await client.IngestAsync(Purchase(customer, DateTimeOffset.UtcNow.AddSeconds(-1)));
                foreach (var offer in await client.OffersAsync(customer, id))
                {
                    var suggestionId = (string)offer["suggestionId"]!;
                    seen[customer].Add(suggestionId);
                    using var response = await client.PostAsJsonAsync($"/api/suggestions/{Uri.EscapeDataString(suggestionId)}/outcome", new { outcome = "dismissed", reason = "not now" });
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                }
            }
        });
        var results = await client.ResultsAsync(id);

        Assert.All(customers, c => Assert.Equal(2, seen[c].Count));
        Assert.Equal(60, results.Count("treatment", "presented"));
        Assert.Equal(60, results.Count("treatment", "dismissed"));
        Assert.Equal(120, results.Count("treatment", "triggered"));
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task Once_a_pause_is_acknowledged_nothing_more_is_presented_while_traffic_flows()
    {
        await using var factory = new EngineFactory();
        await using var engine = CampaignEngine.Start(factory);
        using var client = engine.CreateClient();
        var customers = Ids("p", 400);
        await RegisterAsync(client, customers, DateTimeOffset.UtcNow.AddDays(-10));
        var id = await client.StartCampaignAsync(CampaignCalls.Campaign());
        var next = -1;
        var pausedAt = long.MaxValue;
        var sentAfterPause = new System.Collections.Concurrent.ConcurrentBag<string>();

        var traffic = Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < customers.Length)
            {
                var startedAfterPause = Interlocked.Read(ref pausedAt) != long.MaxValue;
                await client.IngestAsync(Purchase(customers[i], DateTimeOffset.UtcNow.AddSeconds(-1)));
                if (startedAfterPause)
                {
                    sentAfterPause.Add(customers[i]);
                }
            }
        })));
        while ((await client.ResultsAsync(id)).Count("treatment", "presented") < 30)
        {
            await Task.Delay(20);
        }

        await client.CommandAsync(id, "pause");
        Interlocked.Exchange(ref pausedAt, 1);
        var atPause = await client.ResultsAsync(id);
        await traffic;
        var atEnd = await client.ResultsAsync(id);

        Assert.True(sentAfterPause.Count >= 50, $"traffic kept flowing after the pause ({sentAfterPause.Count} purchases)");
        Assert.Equal(atPause.Count("treatment", "presented"), atEnd.Count("treatment", "presented"));
        Assert.Equal(atPause.Count("treatment", "triggered"), atEnd.Count("treatment", "triggered"));
        foreach (var customer in sentAfterPause)
        {
            Assert.Empty(await client.OffersAsync(customer, id));
        }

        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task Results_equal_the_counts_sent()
    {
        await using var factory = new EngineFactory();
        await using var engine = CampaignEngine.Start(factory);
        using var client = engine.CreateClient();
        var customers = Ids("r", 60);
        await RegisterAsync(client, customers, DateTimeOffset.UtcNow.AddDays(-10));
        var id = await client.StartCampaignAsync(CampaignCalls.Campaign(holdoutPercent: 30));
        var holdout = customers.Where(c => HoldoutAssignment.IsHoldout(id, c, 30)).ToList();
        var treatment = customers.Except(holdout).ToList();

        await PostInParallelAsync(client, [.. customers.Select(c => Purchase(c, DateTimeOffset.UtcNow.AddSeconds(-1)))]);
        var offers = new Dictionary<string, string>();
        foreach (var customer in treatment)
        {
            offers[customer] = (string)(await client.OffersAsync(customer, id)).Single()["suggestionId"]!;
        }

        var accepting = treatment.Take(10).ToList();
        var dismissing = treatment.Skip(10).Take(5).ToList();
        await Parallel.ForEachAsync(accepting.Concat(dismissing), async (customer, _) =>
        {
            using var response = await client.PostAsJsonAsync($"/api/suggestions/{Uri.EscapeDataString(offers[customer])}/outcome", new { outcome = accepting.Contains(customer) ? "accepted" : "dismissed" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        });
        var convertingTreatment = treatment.Skip(3).Take(12).ToList();
        var convertingHoldout = holdout.Take(3).ToList();
        await PostInParallelAsync(client, [.. convertingTreatment.Concat(convertingHoldout).Select(c => Purchase(c, DateTimeOffset.UtcNow, category: "socks", sku: "SOCK-1", price: 12m))]);
        var results = await client.ResultsAsync(id);

        Assert.Equal(treatment.Count, results.Count("treatment", "eligible"));
        Assert.Equal(treatment.Count, results.Count("treatment", "triggered"));
        Assert.Equal(treatment.Count, results.Count("treatment", "presented"));
        Assert.Equal(10, results.Count("treatment", "accepted"));
        Assert.Equal(5, results.Count("treatment", "dismissed"));
        Assert.Equal(12, results.Count("treatment", "conversions"));
        Assert.Equal(holdout.Count, results.Count("holdout", "eligible"));
        Assert.Equal(holdout.Count, results.Count("holdout", "presented"));
        Assert.Equal(0, results.Count("holdout", "accepted"));
        Assert.Equal(convertingHoldout.Count, results.Count("holdout", "conversions"));
        Assert.Equal(12.0 / treatment.Count, (double)results["conversionRate"]!["treatment"]!, 9);
        Assert.Equal((12.0 / treatment.Count) - ((double)convertingHoldout.Count / holdout.Count), (double)results["uplift"]!["value"]!, 9);
        Assert.True((double)results["uplift"]!["low"]! <= (double)results["uplift"]!["value"]! && (double)results["uplift"]!["value"]! <= (double)results["uplift"]!["high"]!);
        var series = results["series"]!.AsArray();
        Assert.Equal(treatment.Count, series.Sum(p => (long)p!["treatment"]!["presented"]!));
        Assert.Equal(10, series.Sum(p => (long)p!["treatment"]!["accepted"]!));
        Assert.Equal(convertingHoldout.Count, series.Sum(p => (long)p!["holdout"]!["conversions"]!));
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task Service_recovery_keeps_a_campaign_offer_from_a_customer_with_an_open_complaint()
    {
        await using var factory = new EngineFactory();
        await using var engine = CampaignEngine.Start(factory);
        using var client = engine.CreateClient();
        var now = DateTimeOffset.UtcNow;
        await RegisterAsync(client, ["unhappy", "happy"], now.AddDays(-10));
        await client.IngestAsync(Event("complaint.opened", "unhappy", now.AddMinutes(-10), new JsonObject { ["complaintId"] = "k-1", ["topic"] = "broken zip" }, storeId: "S1"));
        var id = await client.StartCampaignAsync(CampaignCalls.Campaign());

        await client.IngestAsync(Purchase("unhappy", now.AddMinutes(-1)), Purchase("happy", now.AddMinutes(-1)));

        Assert.Empty(await client.OffersAsync("unhappy", id));
        Assert.Single(await client.OffersAsync("happy", id));
        Assert.Equal(1, (await client.ResultsAsync(id)).Count("treatment", "presented"));
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task Activating_a_standing_offer_and_pausing_it_change_the_suggestions_read_next()
    {
        await using var factory = new EngineFactory();
        await using var engine = CampaignEngine.Start(factory);
        using var client = engine.CreateClient();
        var now = DateTimeOffset.UtcNow;
        await client.IngestAsync(Registered("standing", now.AddDays(-10)), Purchase("standing", now.AddDays(-2)));
        var id = await client.CreateCampaignAsync(CampaignCalls.Campaign(trigger: JsonNode.Parse("""{ "whileInAudience": true }""")));
        var before = await client.OffersAsync("standing", id);

        await client.CommandAsync(id, "activate");
        var active = await client.OffersAsync("standing", id);
        await client.CommandAsync(id, "pause");
        var paused = await client.OffersAsync("standing", id);

        Assert.Empty(before);
        Assert.Single(active);
        Assert.Empty(paused);
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task Campaigns_and_their_results_survive_a_restart()
    {
        var path = Path.Combine(Path.GetTempPath(), "ce-tests", Guid.NewGuid().ToString("N"), "engine.db");
        var now = DateTimeOffset.UtcNow;
        string id;
        await using (var first = new EngineFactory(path))
        {
            await using var engine = CampaignEngine.Start(first);
            using var client = engine.CreateClient();
            await RegisterAsync(client, ["before-1", "before-2", "after-1"], now.AddDays(-10));
            id = await client.StartCampaignAsync(CampaignCalls.Campaign());
            await client.IngestAsync(Purchase("before-1", now.AddMinutes(-3)), Purchase("before-2", now.AddMinutes(-3)));
        }

        await using (var second = new EngineFactory(path))
        {
            await using var engine = CampaignEngine.Start(second);
            using var client = engine.CreateClient();
            await client.IngestAsync(Purchase("after-1", DateTimeOffset.UtcNow.AddSeconds(-1)));
            var (_, campaign) = await client.SendAsync(HttpMethod.Get, $"/api/campaigns/{id}");
            var results = await client.ResultsAsync(id);

            Assert.Equal("active", (string?)campaign!["status"]);
            Assert.Equal(3, results.Count("treatment", "presented"));
            Assert.Single(await client.OffersAsync("after-1", id));
        }

        EngineFactory.DeleteDatabase(path);
    }

    private static string[] Ids(string prefix, int count) => [.. Enumerable.Range(0, count).Select(i => $"{prefix}-{i:D4}")];

    private static async Task RegisterAsync(HttpClient client, IReadOnlyList<string> customers, DateTimeOffset at)
    {
        foreach (var chunk in customers.Chunk(500))
        {
            await client.IngestAsync([.. chunk.Select(c => (JsonNode)Registered(c, at))]);
        }
    }

    private static async Task PostInParallelAsync(HttpClient client, IReadOnlyList<JsonObject> events, int batchSize = 10, int parallelism = 8) =>
        await Parallel.ForEachAsync(events.Chunk(batchSize), new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (batch, _) =>
            await client.IngestAsync([.. batch.Select(e => (JsonNode)e)]));

    private static async Task<HashSet<string>> ShownAsync(HttpClient client, IEnumerable<string> customers, string campaignId)
    {
        var shown = new HashSet<string>();
        foreach (var customer in customers)
        {
            if ((await client.OffersAsync(customer, campaignId)).Count > 0)
            {
                shown.Add(customer);
            }
        }

        return shown;
    }
}
