using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CustomerEngine.Grains.Customers;
using CustomerEngine.Grains.Runtime;
using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Grains.Value;
using CustomerEngine.Grains.ValueModelFitting;
using CustomerEngine.Host.Hubs;
using CustomerEngine.Storage.Notifications;
using CustomerEngine.Storage.Postgres.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

using static CustomerEngine.Storage.Postgres.Tests.EngineHost.EngineCalls;

namespace CustomerEngine.Storage.Postgres.Tests.EngineHost;

/// <summary>Two engines alive at once over one PostgreSQL database, as two nodes behind a load balancer.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoNodesTests
{
    [Fact]
    public async Task Each_node_lists_both_nodes_alive_and_says_which_one_answers()
    {
        await using var nodes = await EnginePair.StartAsync();
        var (_, _, onFirst, onSecond) = nodes;
        var ids = new List<string>();
        foreach (var node in new[] { onFirst, onSecond })
        {
            var view = (await node.GetFromJsonAsync<JsonObject>("/api/nodes"))!;
            Assert.True((bool)view["shared"]!);
            ids.Add((string)view["nodeId"]!);
        }

        Assert.NotEqual(ids[0], ids[1]);
        foreach (var (node, self) in new[] { (onFirst, ids[0]), (onSecond, ids[1]) })
        {
            await UntilAsync(
                async () => (await node.GetFromJsonAsync<JsonObject>("/api/nodes"))!["nodes"]!.AsArray()
                    .Where(n => (bool)n!["connected"]! && (bool)n["mayBeAlive"]!)
                    .Select(n => ((string)n!["nodeId"]!, (bool)n["isSelf"]!))
                    .Order()
                    .SequenceEqual(ids.Select(id => (id, id == self)).Order()),
                "a node lists itself and the other, both connected and alive");
        }
    }

    [Fact]
    public async Task A_snapshot_another_node_writes_just_after_an_erasure_from_before_it_is_removed_and_a_new_customer_s_is_kept()
    {
        await using var nodes = await EnginePair.StartAsync();
        var (_, second, onFirst, onSecond) = nodes;
        var states = second.Services.GetRequiredService<IGrainStateStore>();
        var (ada, grace) = ($"ada-{Guid.NewGuid():N}", $"grace-{Guid.NewGuid():N}");

        var adasLate = await ErasedThenWrittenByTheOtherNodeAsync(ada);
        await UntilAsync(async () => await states.ReadAsync(adasLate) is null, "the snapshot written after the erasure is removed");

        // A later event for the id starts a new customer, whose snapshot is its own. Messages on a
        // topic are handled in order, so once Grace's late snapshot is gone, Ada's word was heard.
        await PostAsync(onSecond, Event("customer.registered", ada, DateTimeOffset.UtcNow, new JsonObject { ["name"] = "Ada again", ["kind"] = "individual" }));
        await UntilAsync(async () => (await onSecond.GetAsync($"/api/customers/{ada}")).StatusCode == HttpStatusCode.OK, "the second node serves the new customer");
        await WriteAndSayAsync(adasLate);
        var gracesLate = await ErasedThenWrittenByTheOtherNodeAsync(grace);
        await UntilAsync(async () => await states.ReadAsync(gracesLate) is null, "the snapshot written after the second erasure is removed");
        Assert.NotNull(await states.ReadAsync(adasLate));

        async Task<GrainStateId> ErasedThenWrittenByTheOtherNodeAsync(string id)
        {
            await PostAsync(onSecond, Event("customer.registered", id, DateTimeOffset.UtcNow.AddDays(-1), new JsonObject { ["name"] = id, ["kind"] = "individual" }));
            Assert.Equal(HttpStatusCode.OK, (await onFirst.DeleteAsync($"/api/customers/{id}")).StatusCode);
            await UntilAsync(async () => (await onSecond.GetAsync($"/api/customers/{id}")).StatusCode == HttpStatusCode.NotFound, "the second node no longer serves the erased customer");

            // What the second node's copy does when it hears of the first node's activation just
            // before the erasure and its write lands just after: its first snapshot, then word of it.
            var snapshot = new GrainStateId(typeof(ICustomerGrain).FullName!, id, CustomerGrain.StateName);
            await WriteAndSayAsync(snapshot);
            return snapshot;
        }

        // The second node's real copy may have just done the same, and the fence be removing it.
        async Task WriteAndSayAsync(GrainStateId snapshot)
        {
            while (true)
            {
                try
                {
                    await states.WriteAsync(snapshot, Encoding.UTF8.GetBytes("""{"customer":{"name":"from before"}}"""), (await states.ReadAsync(snapshot))?.Version ?? 0);
                    break;
                }
                catch (GrainStateConflictException)
                {
                }
            }

            second.Services.GetRequiredService<INodeNotifications>().Publish(CustomerActivations.ChangedTopic, snapshot.Key);
        }
    }

    [Fact]
    public async Task A_customer_moved_to_another_node_and_back_is_served_from_every_event_on_the_first()
    {
        await using var nodes = await EnginePair.StartAsync();
        var (_, _, onFirst, onSecond) = nodes;
        var id = $"c-{Guid.NewGuid():N}";
        var day = DateTimeOffset.UtcNow.AddDays(-3);

        await PostAsync(onFirst, Event("customer.registered", id, day, new JsonObject { ["name"] = "Ada", ["kind"] = "individual" }), Purchase(id, day.AddHours(1), 10m));
        Assert.Equal(1, await PurchasesAsync(onFirst, id));

        // The load balancer fails the customer over to the second node, which reads the log.
        await PostAsync(onSecond, Purchase(id, day.AddHours(2), 20m));
        Assert.Equal(2, await PurchasesAsync(onSecond, id));

        // ...and back. No snapshot was written (one every 100 events), so only the second node's
        // word that it activated the customer keeps the first from serving its old copy.
        await PostAsync(onFirst, Purchase(id, day.AddHours(3), 30m));
        await UntilAsync(async () => await PurchasesAsync(onFirst, id) == 3, "the first node serves all three purchases");
        var view = await GetCustomerAsync(onFirst, id);

        Assert.Equal(60m, (decimal)view["stats"]!["spend"]!);
        await UntilAsync(async () => await PurchasesAsync(onSecond, id) == 3, "the second node serves all three purchases too");
    }

    [Fact]
    public async Task A_dashboard_on_one_node_sees_customers_arrive_get_suggestions_and_leave_on_the_other()
    {
        await using var database = await TemporaryDatabase.CreateAsync();
        await using var second = new EngineOnPostgresFactory(database.ConnectionString);
        var onSecond = second.CreateClient();
        var secondHears = second.Services.GetRequiredService<RemoteAudience>();
        var store = $"S-{Guid.NewGuid():N}";
        var id = $"c-{Guid.NewGuid():N}";
        var now = DateTimeOffset.UtcNow;

        await using (var first = new EngineOnPostgresFactory(database.ConnectionString))
        {
            await using var dashboard = await ConnectDashboardAsync(first);
            await dashboard.InvokeAsync("JoinStore", store);
            await UntilAsync(() => secondHears.Watches(EngagementGroups.Store(store)), "the second node hears that the first's dashboard watches the store");

            await PostAsync(onSecond, Event("customer.registered", id, now.AddMinutes(-2), new JsonObject { ["name"] = "Grace", ["kind"] = "individual" }), Event("store.entered", id, now.AddMinutes(-1), [], store));

            var arrived = await dashboard.WaitForAsync("CustomerArrived", a => a[0].GetProperty("customerId").GetString() == id, Patience);
            Assert.Equal("Grace", arrived[0].GetProperty("name").GetString());

            // A complaint at the counter: the service-recovery suggestion reaches the dashboard too.
            await PostAsync(onSecond, Event("complaint.opened", id, now, new JsonObject { ["complaintId"] = "k-1", ["topic"] = "broken zip" }, store));
            await dashboard.WaitForAsync("SuggestionsUpdated", a => a[0].GetString() == id && a[1].GetArrayLength() > 0, Patience);

            await PostAsync(onSecond, Event("store.left", id, now.AddMinutes(5), [], store));
            await dashboard.WaitForAsync("CustomerLeft", a => a[0].GetString() == id, Patience);
        }

        // The first node said goodbye as it stopped: nothing is relayed to it any more.
        await UntilAsync(() => !secondHears.Watches(EngagementGroups.Store(store)), "the second node forgets the stopped node's dashboards");
    }

    [Fact]
    public async Task A_campaign_activated_and_paused_on_one_node_changes_the_suggestions_the_other_serves()
    {
        await using var nodes = await EnginePair.StartAsync(OffersAlwaysShown);
        var (_, _, onFirst, onSecond) = nodes;
        var id = $"c-{Guid.NewGuid():N}";
        var now = DateTimeOffset.UtcNow;
        await PostAsync(onSecond, Event("customer.registered", id, now.AddDays(-10), new JsonObject { ["name"] = "Hedy", ["kind"] = "individual" }), Purchase(id, now.AddDays(-2), 80m));

        var created = await onFirst.PostAsJsonAsync("/api/campaigns", StandingOffer());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var campaign = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

        // The second node has read the draft, so only the first's notice can tell it of the changes.
        Assert.Equal("draft", (string?)(await onSecond.GetFromJsonAsync<JsonObject>($"/api/campaigns/{campaign}"))!["status"]);
        Assert.Empty(await OffersAsync(onSecond, id, campaign));

        Assert.Equal(HttpStatusCode.OK, (await onFirst.PostAsync($"/api/campaigns/{campaign}/activate", null)).StatusCode);
        await UntilAsync(async () => (await OffersAsync(onSecond, id, campaign)).Count == 1, "the second node offers the campaign activated on the first");
        Assert.Equal("active", (string?)(await onSecond.GetFromJsonAsync<JsonObject>($"/api/campaigns/{campaign}"))!["status"]);

        Assert.Equal(HttpStatusCode.OK, (await onFirst.PostAsync($"/api/campaigns/{campaign}/pause", null)).StatusCode);
        await UntilAsync(async () => (await OffersAsync(onSecond, id, campaign)).Count == 0, "the second node stops offering the campaign paused on the first");

        // Both nodes add to the one list of campaigns; the second's add meets the first's and is made again on top.
        var alsoCreated = await onSecond.PostAsJsonAsync("/api/campaigns", StandingOffer());
        Assert.Equal(HttpStatusCode.Created, alsoCreated.StatusCode);
        var other = (string)(await alsoCreated.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        foreach (var node in new[] { onFirst, onSecond })
        {
            await UntilAsync(async () => (await node.GetFromJsonAsync<JsonArray>("/api/campaigns"))!.Select(c => (string?)c!["id"]).Order().SequenceEqual(new[] { campaign, other }.Order()), "both nodes list both campaigns");
        }
    }

    [Fact]
    public async Task A_ranking_on_one_node_gives_the_other_the_same_quintiles_and_tiers()
    {
        await using var nodes = await EnginePair.StartAsync();
        var (first, _, onFirst, onSecond) = nodes;
        var now = DateTimeOffset.UtcNow;
        var ids = Enumerable.Range(0, 10).Select(i => $"c{i}-{Guid.NewGuid():N}").ToList();
        for (var i = 0; i < ids.Count; i++)
        {
            // Customer i buys i + 1 times, for more each time, the last of them i days ago.
            var events = new List<JsonObject> { Event("customer.registered", ids[i], now.AddDays(-60), new JsonObject { ["kind"] = "individual" }) };
            events.AddRange(Enumerable.Range(0, i + 1).Select(n => Purchase(ids[i], now.AddDays(-i - n), 20m * (i + 1))));
            await PostAsync(onFirst, [.. events]);
        }

        // The second node ranked its empty base when it started; the first ranks the ten now.
        await first.RankAsync();
        var best = ids[^1];
        var onFirstView = await GetCustomerAsync(onFirst, best);
        Assert.Equal("high", (string?)onFirstView["value"]!["tier"]);

        await UntilAsync(
            async () => (await GetCustomerAsync(onSecond, best))["value"]!["rfm"]!.ToJsonString() == onFirstView["value"]!["rfm"]!.ToJsonString(),
            "the second node ranks the best customer as the first does");
        Assert.Equal("high", (string?)(await GetCustomerAsync(onSecond, best))["value"]!["tier"]);
    }

    [Fact]
    public async Task A_value_model_fitted_on_one_node_is_used_by_the_other()
    {
        await using var nodes = await EnginePair.StartAsync();
        var (first, second, _, onSecond) = nodes;
        Assert.Equal(HttpStatusCode.NotFound, (await onSecond.GetAsync("/api/models/clv")).StatusCode);
        var now = DateTimeOffset.UtcNow;

        // What the fit job publishes at the end of a run (CDNOW-like parameters).
        var fit = new ClvFit("fit-1", now, null, now, now, 1.0, 0, new BgNbdEstimate(0.243, 4.414, 0.793, 2.426, -9582.4, 2357, 120), new GammaGammaEstimate(6.25, 3.74, 15.44, -4000.0, 946, 80));
        await first.Services.GetRequiredService<IGrainFactory>().GetGrain<IValueModelGrain>(IValueModelGrain.Key).PublishAsync(fit);

        await UntilAsync(async () => (await onSecond.GetAsync("/api/models/clv")).StatusCode == HttpStatusCode.OK, "the second node serves the first's fit");
        var model = await onSecond.GetFromJsonAsync<JsonObject>("/api/models/clv");
        Assert.Contains("fit-1", model!.ToJsonString(), StringComparison.Ordinal);
        Assert.NotNull(second.Services.GetRequiredService<ValueModelSnapshot>().Current);
    }

    [Fact]
    public async Task Purchases_taken_by_one_node_teach_the_cross_sell_model_of_the_other()
    {
        // The model catches up with the log at every checkpoint: once a second here, once a minute by default.
        var everySecond = new Dictionary<string, string> { ["CrossSell:CheckpointInterval"] = "00:00:01" };
        await using var nodes = await EnginePair.StartAsync(everySecond);
        var (_, _, onFirst, onSecond) = nodes;
        var now = DateTimeOffset.UtcNow;

        for (var i = 0; i < 3; i++)
        {
            await PostAsync(onFirst, Event("purchase", $"c{i}-{Guid.NewGuid():N}", now.AddMinutes(-i), new JsonObject
            {
                ["orderId"] = Guid.NewGuid().ToString("N"),
                ["items"] = new JsonArray
                {
                    new JsonObject { ["sku"] = "TENT-1", ["category"] = "tents", ["price"] = 200m, ["quantity"] = 1 },
                    new JsonObject { ["sku"] = "STOVE-1", ["category"] = "stoves", ["price"] = 40m, ["quantity"] = 1 },
                },
                ["total"] = 240m,
            }));
        }

        // Unknown to the second node's model until it learns from the log (404 meanwhile).
        await UntilAsync(
            async () =>
            {
                using var response = await onSecond.GetAsync("/api/products/TENT-1/associations");
                return response.IsSuccessStatusCode && (await response.Content.ReadFromJsonAsync<JsonArray>())!.Any(a => (string?)a!["sku"] == "STOVE-1");
            },
            "the second node associates the stove with the tent");
    }

    // Neither the daily cap nor the number of current suggestions decides whether the offer shows.
    private static readonly Dictionary<string, string> OffersAlwaysShown = new() { ["Engagement:MaxPresentedPerDay"] = "1000", ["Engagement:TopN"] = "50" };

    private static async Task<List<JsonNode>> OffersAsync(HttpClient client, string customerId, string campaignId)
    {
        var suggestions = await client.GetFromJsonAsync<JsonArray>($"/api/customers/{customerId}/suggestions");
        return [.. suggestions!.Where(s => (string?)s!["actionId"] == "campaign:" + campaignId).Select(s => s!)];
    }

    private static async Task<int> PurchasesAsync(HttpClient client, string id) => (int)(await GetCustomerAsync(client, id))["stats"]!["purchases"]!;

    private static JsonObject Purchase(string id, DateTimeOffset at, decimal total) => Event("purchase", id, at, new JsonObject
    {
        ["orderId"] = Guid.NewGuid().ToString("N"),
        ["items"] = new JsonArray { new JsonObject { ["sku"] = "TENT-1", ["category"] = "tents", ["price"] = total, ["quantity"] = 1 } },
        ["total"] = total,
    });
}
