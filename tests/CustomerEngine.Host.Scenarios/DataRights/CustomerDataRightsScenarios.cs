using System.Net;
using System.Text.Json.Nodes;
using CustomerEngine.Grains.Campaigns;
using CustomerEngine.Grains.Customers;
using CustomerEngine.Grains.Ingestion;
using CustomerEngine.Host.Scenarios.Support;
using CustomerEngine.Storage.Events;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using static CustomerEngine.Host.Scenarios.Support.EngineCalls;
using static CustomerEngine.Host.Scenarios.Support.WireEvents;

namespace CustomerEngine.Host.Scenarios.DataRights;

/// <summary>
/// Customers' data rights through HTTP on a real engine: the export, the erasure and its audit
/// trail. A storage provider's test project derives one sealed class and says how to make storage,
/// an engine over it, and how to look for text in it.
/// </summary>
public abstract class CustomerDataRightsScenarios : IAsyncLifetime
{
    /// <summary>The erasure key the engine runs with (it lives in configuration, never in the store).</summary>
    public const string ErasureKey = "scenario-erasure-key-0123456789abcdef";

    private const string AdminKey = "demo-admin-key";
    private const string IngestKey = "demo-ingest-key";

    private WebApplicationFactory<Program>? _root;
    private WebApplicationFactory<Program>? _engine;
    private HttpClient? _admin;

    /// <summary>The running engine.</summary>
    protected WebApplicationFactory<Program> Engine => _engine ?? throw new InvalidOperationException("The engine is stopped.");

    /// <summary>A client with the development admin key.</summary>
    protected HttpClient Admin => _admin ?? throw new InvalidOperationException("The engine is stopped.");

    /// <summary>Creates fresh, empty storage for one test.</summary>
    protected abstract Task CreateStorageAsync();

    /// <summary>An engine (not started) in Development over this test's storage; a second one is a restart.</summary>
    protected abstract WebApplicationFactory<Program> CreateEngine();

    /// <summary>Whether anything kept in this test's storage contains <paramref name="text"/>; called while no engine runs.</summary>
    protected abstract Task<bool> StorageHoldsAsync(string text);

    /// <summary>Deletes this test's storage.</summary>
    protected abstract Task DeleteStorageAsync();

    async Task IAsyncLifetime.InitializeAsync()
    {
        await CreateStorageAsync();
        Start();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await StopAsync();
        await DeleteStorageAsync();
    }

    [Fact]
    public async Task Export_holds_the_view_every_event_engagement_campaigns_presence_and_consent()
    {
        var customer = await SeedAsync(withCampaign: true);

        var export = await Admin.GetOkAsync($"/api/customers/{Escaped(customer.Id)}/export");

        Assert.Equal(customer.Id, (string?)export["customerId"]);
        Assert.Equal("Ada Lovelace", (string?)export["customer"]!["name"]);
        Assert.Equal([customer.Id], export["streams"]!.AsArray().Select(s => (string?)s));
        var consent = Assert.Single(export["consent"]!.AsArray())!;
        Assert.Equal(("email", "marketing", true), ((string?)consent["channel"], (string?)consent["purpose"], (bool)consent["granted"]!));

        // Every event as posted (type, time, data), plus the outcome staff recorded, which joined the log.
        var events = export["events"]!.AsArray().Select(e => e!).ToList();
        Assert.Equal(customer.EventIds.Order(StringComparer.Ordinal), events.Where(e => (string?)e["type"] != "suggestion.outcome").Select(e => (string)e["eventId"]!).Order(StringComparer.Ordinal));
        Assert.All(events, e => Assert.True(e["sequence"] is not null && e["occurredAt"] is not null && e["type"] is not null && e["data"] is not null, e.ToJsonString()));
        Assert.Equal("Acme", (string?)events.Single(e => (string?)e["type"] == "purchase")["data"]!["items"]![0]!["brand"]);
        var outcome = Assert.Single(events, e => (string?)e["type"] == "suggestion.outcome");
        Assert.Equal((customer.DismissedSuggestionId, "dismissed"), ((string?)outcome["data"]!["suggestionId"], (string?)outcome["data"]!["outcome"]));

        var shown = export["engagement"]!["contactHistory"]!.AsArray();
        Assert.Contains(shown, p => (string?)p!["suggestionId"] == customer.DismissedSuggestionId && (string?)p["outcome"] == "dismissed");
        Assert.NotNull(export["engagement"]!["suggestions"]!.AsArray());

        var membership = Assert.Single(export["campaigns"]!.AsArray())!;
        Assert.Equal((customer.CampaignId, "treatment", true), ((string?)membership["campaignId"], (string?)membership["group"], (bool)membership["eligible"]!));
        Assert.NotEmpty(membership["presentations"]!.AsArray());

        var presence = Assert.Single(export["presence"]!.AsArray())!;
        Assert.Equal(("S1", customer.Id, true), ((string?)presence["storeId"], (string?)presence["customerId"], (bool)presence["present"]!));
    }

    [Fact]
    public async Task Erased_customer_is_gone_from_the_view_the_list_presence_campaigns_the_log_and_the_storage()
    {
        var customer = await SeedAsync(withCampaign: true);
        var kept = await SeedAsync(name: "Grace Hopper");
        await FlushIndexAsync();
        Assert.Contains(customer.Id, (await Admin.GetOkAsync("/api/customers?pageSize=500")).ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(customer.Id, (await Admin.GetOkAsync("/api/stores/S1/presence")).ToJsonString(), StringComparison.Ordinal);
        var resultsBefore = await Admin.GetOkAsync($"/api/campaigns/{customer.CampaignId}/results");

        var (status, erasure, _) = await Admin.SendAsync(HttpMethod.Delete, $"/api/customers/{Escaped(customer.Id)}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((1, customer.EventIds.Count + 1L, 1, "key:demo-admin"), ((int)erasure!["streams"]!, (long)erasure["events"]!, (int)erasure["states"]!, (string?)erasure["requestedBy"]));
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetJsonAsync($"/api/customers/{Escaped(customer.Id)}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetJsonAsync($"/api/customers/{Escaped(customer.Id)}/export")).Status);
        await FlushIndexAsync();
        var list = (await Admin.GetOkAsync("/api/customers?pageSize=500")).ToJsonString();
        Assert.DoesNotContain(customer.Id, list, StringComparison.Ordinal);
        Assert.Contains(kept.Id, list, StringComparison.Ordinal);
        var present = (await Admin.GetOkAsync("/api/stores/S1/presence")).ToJsonString();
        Assert.DoesNotContain(customer.Id, present, StringComparison.Ordinal);
        Assert.Contains(kept.Id, present, StringComparison.Ordinal);
        Assert.Empty(Engine.Services.GetRequiredService<ActiveCampaigns>().Memberships([customer.Id]));
        Assert.Empty(await Engine.Services.GetRequiredService<IEventLog>().ReadStreamsAsync([customer.Id], 0));

        // The campaign's counts are aggregates, not personal data: they stay.
        var resultsAfter = await Admin.GetOkAsync($"/api/campaigns/{customer.CampaignId}/results");
        Assert.Equal(resultsBefore["treatment"]!.ToJsonString(), resultsAfter["treatment"]!.ToJsonString());

        // Nothing the engine wrote on its way out brings the customer back into the storage.
        await RestartAsync(whileStopped: async () =>
        {
            Assert.True(await StorageHoldsAsync(kept.Id), "the storage holds the kept customer (the search can find what is there)");
            Assert.False(await StorageHoldsAsync(customer.Id), "the storage still names the erased customer");
            Assert.False(await StorageHoldsAsync("Ada Lovelace"), "the storage still holds the erased customer's name");
        });
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetJsonAsync($"/api/customers/{Escaped(customer.Id)}")).Status);
    }

    [Fact]
    public async Task A_later_event_for_an_erased_id_starts_a_new_empty_customer_and_old_event_ids_are_new_again()
    {
        var id = NewId();
        var now = DateTimeOffset.UtcNow;
        var purchase = Purchase(id, now.AddDays(-4));
        await Admin.IngestAsync(Registered(id, now.AddDays(-5), "Ada Lovelace"), purchase);
        await EraseAsync(id);

        // The erased activation was dropped without writing the snapshot it never wrote before.
        await RestartAsync(whileStopped: async () => Assert.False(await StorageHoldsAsync("Ada Lovelace"), "the erased customer's snapshot was written back"));
        await Admin.IngestAsync(Entered(id, now.AddMinutes(-1)));
        var view = await Admin.GetOkAsync($"/api/customers/{Escaped(id)}");
        var resent = await Admin.IngestAsync(purchase);

        Assert.Null((string?)view["name"]);
        Assert.Equal((0, 1), ((int)view["stats"]!["purchases"]!, (int)view["stats"]!["visits"]!));
        Assert.Equal(["store.entered"], view["recent"]!.AsArray().Select(r => (string?)r!["type"]));

        // The erased events' ids left the log with them, so the old purchase counts as new.
        Assert.Equal((1, 0), ((int)resent["accepted"]!, (int)resent["duplicates"]!));
        Assert.Equal(1, (int)(await Admin.GetOkAsync($"/api/customers/{Escaped(id)}"))["stats"]!["purchases"]!);
    }

    [Fact]
    public async Task Erasure_takes_the_merged_anonymous_history_and_the_visitor_starts_afresh()
    {
        var id = NewId();
        var anonymousId = $"cookie-{Guid.NewGuid():N}";
        var now = DateTimeOffset.UtcNow;
        await Admin.IngestAsync(
            Anonymous(Entered("unused", now.AddMinutes(-30)), anonymousId),
            Anonymous(Event("product.viewed", "unused", now.AddMinutes(-29), new JsonObject { ["sku"] = "TENT-1" }, channel: "online"), anonymousId));
        await Admin.IngestAsync(Registered(id, now.AddMinutes(-20), "Ada Lovelace"), Identified(id, anonymousId, now.AddMinutes(-19)));
        var export = await Admin.GetOkAsync($"/api/customers/{Escaped(id)}/export");
        Assert.Equal([id, $"anon:{anonymousId}"], export["streams"]!.AsArray().Select(s => (string?)s));

        var erasure = await EraseAsync(id);
        await Admin.IngestAsync(Anonymous(Event("product.viewed", "unused", now.AddMinutes(-1), new JsonObject { ["sku"] = "LAMP-1" }, channel: "online"), anonymousId));
        var visitor = await Admin.GetOkAsync($"/api/customers/{Escaped($"anon:{anonymousId}")}");

        Assert.Equal((2, 4L), ((int)erasure["streams"]!, (long)erasure["events"]!));
        Assert.Single(visitor["recent"]!.AsArray());
        Assert.Equal(0, (int)visitor["stats"]!["visits"]!);
        Assert.DoesNotContain(anonymousId, (await Admin.GetOkAsync("/api/stores/S1/presence")).ToJsonString(), StringComparison.Ordinal);

        // The visitor's new event was not handed to the erased customer.
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetJsonAsync($"/api/customers/{Escaped(id)}")).Status);
    }

    [Fact]
    public async Task Erasure_racing_with_events_of_the_same_customer_leaves_the_view_equal_to_the_log()
    {
        const int racing = 40;
        var id = NewId();
        var start = DateTimeOffset.UtcNow.AddDays(-30);
        await Admin.IngestAsync(Registered(id, start, "Ada Lovelace"), Purchase(id, start.AddDays(1)));

        var posts = Enumerable.Range(0, racing).Select(i => Task.Run(() => Admin.IngestAsync(Purchase(id, start.AddDays(2).AddHours(i))))).ToList();
        var erase = Task.Run(() => Admin.SendAsync(HttpMethod.Delete, $"/api/customers/{Escaped(id)}"));
        await Task.WhenAll(posts);
        var (status, erasure, _) = await erase;

        // However the erasure fell among the posts: it took every event before its position and
        // none after, and the customer the engine shows is exactly what the log still holds.
        Assert.Equal(HttpStatusCode.OK, status);
        var position = (long)erasure!["logPosition"]!;
        var log = await Engine.Services.GetRequiredService<IEventLog>().ReadStreamsAsync([id], 0);
        Assert.All(log, e => Assert.True(e.Sequence > position, $"event {e.EventId} at {e.Sequence} outlived the erasure at {position}"));
        Assert.Equal(2 + racing, (long)erasure["events"]! + log.Count);
        var view = await ViewOrNullAsync(id);
        Assert.Equal(log.Count, view is null ? 0 : (int)view["stats"]!["purchases"]!);
        Assert.Null((string?)view?["name"]);

        await RestartAsync();
        var restarted = await ViewOrNullAsync(id);
        Assert.Equal(view?["stats"]?.ToJsonString(), restarted?["stats"]?.ToJsonString());
        Assert.Equal(view?["recent"]?.ToJsonString(), restarted?["recent"]?.ToJsonString());
    }

    [Fact]
    public async Task Erasure_leaves_the_cross_sell_model_counts_as_they_were()
    {
        var (tent, stove) = ($"tent-{Guid.NewGuid():N}", $"stove-{Guid.NewGuid():N}");
        var (first, second) = (NewId(), NewId());
        var now = DateTimeOffset.UtcNow;
        await Admin.IngestAsync(Purchase(first, now.AddDays(-2), tent, stove), Purchase(second, now.AddDays(-1), tent, stove));
        var before = await Admin.GetOkAsync($"/api/products/{tent}/associations");
        Assert.Equal(2L, (long)Assert.Single(before.AsArray(), a => (string?)a!["sku"] == stove)!["count"]!);

        await EraseAsync(first);

        Assert.Equal(before.ToJsonString(), (await Admin.GetOkAsync($"/api/products/{tent}/associations")).ToJsonString());
    }

    [Fact]
    public async Task Erasures_are_listed_without_personal_data_newest_first_and_found_by_customer_id()
    {
        var (ada, grace, kept) = (await SeedAsync(), await SeedAsync(name: "Grace Hopper"), await SeedAsync(name: "Edsger Dijkstra"));
        var first = await EraseAsync(ada.Id);

        // Erasure times are kept to the millisecond; the second must come strictly later to be listed first.
        while (DateTimeOffset.UtcNow <= (DateTimeOffset)first["erasedAt"]!)
        {
            await Task.Delay(1);
        }

        var second = await EraseAsync(grace.Id);

        var all = await Admin.GetOkAsync("/api/erasures");
        Assert.Equal([(string?)second["erasureId"], (string?)first["erasureId"]], all.AsArray().Select(e => (string?)e!["erasureId"]));
        Assert.Equal([(string?)second["erasureId"]], (await Admin.GetOkAsync("/api/erasures?limit=1")).AsArray().Select(e => (string?)e!["erasureId"]));
        foreach (var personal in new[] { ada.Id, grace.Id, "Ada Lovelace", "Grace Hopper" })
        {
            Assert.DoesNotContain(personal, all.ToJsonString(), StringComparison.Ordinal);
        }

        Assert.Equal([(string?)first["erasureId"]], (await Admin.GetOkAsync($"/api/erasures?customerId={Escaped(ada.Id)}")).AsArray().Select(e => (string?)e!["erasureId"]));
        Assert.Empty((await Admin.GetOkAsync($"/api/erasures?customerId={Escaped(kept.Id)}")).AsArray());
    }

    [Fact]
    public async Task Export_and_erasure_of_an_unknown_customer_are_404_problems()
    {
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Delete })
        {
            var (status, problem, contentType) = await Admin.SendAsync(method, method == HttpMethod.Get ? "/api/customers/nobody/export" : "/api/customers/nobody");

            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.Equal("application/problem+json", contentType);
            Assert.Equal("id", (string?)problem!["field"]);
        }

        Assert.Empty((await Admin.GetOkAsync("/api/erasures")).AsArray());
    }

    [Fact]
    public async Task Export_erasure_and_the_audit_trail_are_for_admins_only()
    {
        var customer = await SeedAsync();
        using var ingest = ClientWithKey(IngestKey);
        var path = $"/api/customers/{Escaped(customer.Id)}";

        foreach (var (method, target) in new[] { (HttpMethod.Get, path + "/export"), (HttpMethod.Delete, path), (HttpMethod.Get, "/api/erasures") })
        {
            var (status, problem, contentType) = await ingest.SendAsync(method, target);

            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Equal("application/problem+json", contentType);
            Assert.NotNull(problem!["title"]);
        }

        Assert.Equal("Ada Lovelace", (string?)(await Admin.GetOkAsync(path))["name"]);
    }

    /// <summary>Stops the engine and starts another over the same storage, doing <paramref name="whileStopped"/> in between.</summary>
    protected async Task RestartAsync(Func<Task>? whileStopped = null)
    {
        await StopAsync();
        if (whileStopped is not null)
        {
            await whileStopped();
        }

        Start();
    }

    /// <summary>A client with the given API key.</summary>
    protected HttpClient ClientWithKey(string key)
    {
        var client = Engine.CreateClient();
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private void Start()
    {
        _root = CreateEngine();
        _engine = _root.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("DataRights:ErasureKey", ErasureKey);

            // Neither the daily cap nor a Thompson draw should decide whether the campaign's offer is shown.
            builder.UseSetting("Engagement:MaxPresentedPerDay", "1000");
            builder.UseSetting("Engagement:TopN", "50");
        });
        _admin = ClientWithKey(AdminKey);
    }

    private async Task StopAsync()
    {
        _admin?.Dispose();
        _admin = null;
        if (_engine is { } engine)
        {
            _engine = null;
            await engine.DisposeAsync();
        }

        if (_root is { } root)
        {
            _root = null;
            await root.DisposeAsync();
        }
    }

    private static string NewId() => $"c-{Guid.NewGuid():N}";

    private async Task FlushIndexAsync()
    {
        await Engine.Services.GetRequiredService<CustomerEventPipeline>().DeliveredAsync();
        await Engine.Services.GetRequiredService<CustomerIndexWriter>().FlushAsync();
    }

    private async Task<JsonNode> EraseAsync(string id)
    {
        var (status, erasure, _) = await Admin.SendAsync(HttpMethod.Delete, $"/api/customers/{Escaped(id)}");
        Assert.True(status == HttpStatusCode.OK, $"erasing {id}: expected 200, got {(int)status}: {erasure?.ToJsonString()}");
        return erasure!;
    }

    private async Task<JsonNode?> ViewOrNullAsync(string id)
    {
        var (status, body, _) = await Admin.GetJsonAsync($"/api/customers/{Escaped(id)}");
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.NotFound, $"GET customer {id}: {(int)status} {body?.ToJsonString()}");
        return status == HttpStatusCode.OK ? body : null;
    }

    // A registered customer with consent, a purchase and a visit in S1 (present now), a dismissed
    // suggestion and, when asked, the offer of a live campaign the purchase triggered.
    private async Task<SeededCustomer> SeedAsync(bool withCampaign = false, string name = "Ada Lovelace")
    {
        var id = NewId();
        var now = DateTimeOffset.UtcNow;
        string? campaignId = null;
        if (withCampaign)
        {
            var (created, campaign, _) = await Admin.SendAsync(HttpMethod.Post, "/api/campaigns", TentBuyersCampaign());
            Assert.True(created == HttpStatusCode.Created, $"creating the campaign: {(int)created} {campaign?.ToJsonString()}");
            campaignId = (string)campaign!["id"]!;
            var (activated, body, _) = await Admin.SendAsync(HttpMethod.Post, $"/api/campaigns/{campaignId}/activate");
            Assert.True(activated == HttpStatusCode.OK, $"activating the campaign: {(int)activated} {body?.ToJsonString()}");
        }

        // One request each, in order: the purchase must be the event that prompts the campaign.
        JsonObject[] events = [Registered(id, now.AddDays(-10), name), Consent(id, now.AddDays(-9), granted: true), Purchase(id, now.AddMinutes(-3)), Entered(id, now.AddMinutes(-2))];
        foreach (var e in events)
        {
            await Admin.IngestAsync(e);
        }

        var suggestions = (await Admin.GetOkAsync($"/api/customers/{Escaped(id)}/suggestions")).AsArray();
        Assert.True(suggestions.Count > 0, "a customer present in the store has suggestions");
        var dismissed = (string)suggestions.First(s => (string?)s!["actionId"] != $"campaign:{campaignId}")!["suggestionId"]!;
        var (outcome, recorded, _) = await Admin.SendAsync(HttpMethod.Post, $"/api/suggestions/{Escaped(dismissed)}/outcome", new JsonObject { ["outcome"] = "dismissed", ["reason"] = "not today" });
        Assert.True(outcome == HttpStatusCode.OK, $"dismissing {dismissed}: {(int)outcome} {recorded?.ToJsonString()}");
        return new SeededCustomer(id, campaignId, dismissed, [.. events.Select(e => (string)e["eventId"]!)]);
    }

    private static JsonObject TentBuyersCampaign() => new()
    {
        ["name"] = "Tent buyers: sleeping mats",
        ["offer"] = new JsonObject { ["title"] = "15% off sleeping mats", ["reason"] = "Completes the camping kit", ["value"] = 1000, ["actionId"] = null },
        ["audience"] = JsonNode.Parse("""{ "all": [ { "field": "lifecycle.stage", "in": ["new", "active"] } ] }"""),
        ["trigger"] = JsonNode.Parse("""{ "eventType": "purchase", "where": { "field": "items.category", "contains": "tents" } }"""),
        ["holdoutPercent"] = 0,
        ["lever"] = 5,
    };

    private sealed record SeededCustomer(string Id, string? CampaignId, string DismissedSuggestionId, IReadOnlyList<string> EventIds);
}
