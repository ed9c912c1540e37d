using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerEngine.Host.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using static CustomerEngine.Host.Tests.Support.EngagementHubConnections;
using static CustomerEngine.Host.Tests.Support.Events;

namespace CustomerEngine.Host.Tests;

public sealed class LiveSuggestionsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly string[] SalesKinds = ["crossSell", "upSell", "campaignOffer", "referral"];

    [Fact]
    public async Task A_dashboard_sees_a_customer_arrive_with_reasoned_suggestions_and_accepting_one_teaches_the_engine()
    {
        await using var factory = new EngineFactory();
        var client = factory.CreateClient();
        var store = $"S-{Guid.NewGuid():N}"[..10];
        var id = $"c-{Guid.NewGuid():N}";
        var now = DateTimeOffset.UtcNow;
        await client.IngestAsync(Registered(id, now.AddDays(-300), name: "Grace Hopper", homeStoreId: store), Purchase(id, now.AddDays(-120), storeId: store), Purchase(id, now.AddDays(-100), storeId: store));
        await using var dashboard = await factory.ConnectToEngagementHubAsync();
        await dashboard.InvokeAsync("JoinStore", store);

        await client.IngestAsync(Entered(id, now.AddMinutes(-2), store), Purchase(id, now.AddMinutes(-1), storeId: store, sku: "TENT-2", category: "tents"));
        await dashboard.WaitForAsync("CustomerArrived", a => CustomerOf(a) == id, Patience);
        var update = await dashboard.WaitForAsync("SuggestionsUpdated", a => CustomerOf(a) == id && a[1].GetArrayLength() > 0, Patience);
        var first = update[1][0];
        var suggestionId = first.GetProperty("suggestionId").GetString()!;
        var actionId = first.GetProperty("actionId").GetString()!;

        Assert.Contains(first.GetProperty("reasons").EnumerateArray(), r => !string.IsNullOrWhiteSpace(r.GetString()));
        var factors = first.GetProperty("factors");
        Assert.Equal(
            factors.GetProperty("propensity").GetDouble() * factors.GetProperty("contextWeight").GetDouble() * factors.GetProperty("value").GetDouble() * factors.GetProperty("lever").GetDouble(),
            first.GetProperty("priority").GetDouble(), 6);

        var before = await AcceptedCountAsync(client, actionId);
        await dashboard.InvokeAsync("AcceptSuggestion", suggestionId);
        var view = await client.CustomerAsync(id);
        var after = await AcceptedCountAsync(client, actionId);

        Assert.Contains(view["recent"]!.AsArray(), r => (string?)r!["type"] == "suggestion.outcome");
        Assert.Equal(before + 1, after);
        Assert.DoesNotContain(await SuggestionIdsAsync(client, id), s => s == suggestionId);
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task An_open_complaint_puts_service_recovery_first_and_removes_sales_offers_until_resolved()
    {
        await using var factory = new EngineFactory();
        var client = factory.CreateClient();
        var id = $"c-{Guid.NewGuid():N}";
        var now = DateTimeOffset.UtcNow;
        await client.IngestAsync(Registered(id, now.AddDays(-200)), Purchase(id, now.AddDays(-30)), Purchase(id, now.AddDays(-10)), Entered(id, now.AddMinutes(-5)));
        await client.IngestAsync(Event("cart.added", id, now.AddMinutes(-4), new JsonObject { ["sku"] = "TENT-2", ["category"] = "tents", ["price"] = 199 }, storeId: "S1"));

        await client.IngestAsync(Event("complaint.opened", id, now.AddMinutes(-3), new JsonObject { ["complaintId"] = "k-1", ["topic"] = "broken zip" }, storeId: "S1"));
        var during = await SuggestionsAsync(client, id);
        await client.IngestAsync(Event("complaint.resolved", id, now.AddMinutes(-1), new JsonObject { ["complaintId"] = "k-1" }, storeId: "S1"));
        var afterwards = await SuggestionsAsync(client, id);

        Assert.Equal("serviceRecovery", (string?)during[0]!["kind"]);
        Assert.DoesNotContain(during, s => SalesKinds.Contains((string?)s!["kind"]));
        Assert.DoesNotContain(afterwards, s => (string?)s!["kind"] == "serviceRecovery");
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task Dismissed_actions_cool_down_and_presentations_stay_within_the_daily_cap()
    {
        await using var factory = new EngineFactory();
        await using var capped = factory.WithWebHostBuilder(b => b.UseSetting("Engagement:MaxPresentedPerDay", "4"));
        var client = capped.CreateClient();
        var id = $"c-{Guid.NewGuid():N}";
        var now = DateTimeOffset.UtcNow;
        await client.IngestAsync(Registered(id, now.AddDays(-200)), Purchase(id, now.AddDays(-40)), Purchase(id, now.AddDays(-20)), Entered(id, now.AddMinutes(-30)));

        var presented = new HashSet<string>();
        var dismissedActions = new HashSet<string>();
        for (var round = 0; round < 6; round++)
        {
            foreach (var suggestion in await SuggestionsAsync(client, id))
            {
                var actionId = (string)suggestion!["actionId"]!;
                Assert.DoesNotContain(actionId, dismissedActions);
                presented.Add((string)suggestion["suggestionId"]!);
                using var response = await client.PostAsJsonAsync($"/api/suggestions/{Uri.EscapeDataString((string)suggestion["suggestionId"]!)}/outcome", new { outcome = "dismissed", reason = "not today" });
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                dismissedActions.Add(actionId);
            }

            await client.IngestAsync(Event("cart.added", id, now.AddMinutes(-29 + round), new JsonObject { ["sku"] = $"SKU-{round}", ["category"] = "socks", ["price"] = 12 }, storeId: "S1"));
        }

        Assert.InRange(presented.Count, 1, 4);
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task An_outcome_under_the_customers_path_is_recorded_and_one_naming_another_customer_is_not_found()
    {
        await using var factory = new EngineFactory();
        var client = factory.CreateClient();
        var (ada, bea) = ($"c-{Guid.NewGuid():N}", $"c-{Guid.NewGuid():N}");
        await ShopperWalksInAsync(client, bea);
        var adas = Uri.EscapeDataString((string)(await FirstSuggestionOfAShopperAsync(client, ada))["suggestionId"]!);

        using var misfiled = await client.PostAsJsonAsync($"/api/customers/{bea}/suggestions/{adas}/outcome", new { outcome = "accepted" });
        using var recorded = await client.PostAsJsonAsync($"/api/customers/{ada}/suggestions/{adas}/outcome", new { outcome = "accepted" });
        var view = await client.CustomerAsync(ada);

        Assert.Equal(HttpStatusCode.NotFound, misfiled.StatusCode);
        Assert.Equal("suggestionId", (string?)JsonNode.Parse(await misfiled.Content.ReadAsStringAsync())!["field"]);
        Assert.Equal("recorded", (string?)JsonNode.Parse(await recorded.Content.ReadAsStringAsync())!["status"]);
        Assert.Contains(view["recent"]!.AsArray(), r => (string?)r!["type"] == "suggestion.outcome");
        Assert.DoesNotContain((await client.CustomerAsync(bea))["recent"]!.AsArray(), r => (string?)r!["type"] == "suggestion.outcome");
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task Staff_record_outcomes_only_for_customers_of_their_own_stores()
    {
        await using var factory = new EngineFactory();
        var admin = factory.CreateClient();
        var id = $"c-{Guid.NewGuid():N}";
        var suggestion = await FirstSuggestionOfAShopperAsync(admin, id);
        var path = $"/api/suggestions/{Uri.EscapeDataString((string)suggestion["suggestionId"]!)}/outcome";
        var otherStore = await factory.SignedInClientAsync("staff-s2");
        var ownStore = await factory.SignedInClientAsync("staff-s1");

        using var refused = await otherStore.PostAsJsonAsync(path, new { outcome = "dismissed" });
        using var recorded = await ownStore.PostAsJsonAsync(path, new { outcome = "accepted" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("suggestionId", (string?)JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["field"]);
        Assert.Equal("recorded", (string?)JsonNode.Parse(await recorded.Content.ReadAsStringAsync())!["status"]);
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task An_outcome_is_recorded_once_and_a_contradicting_or_unknown_one_is_refused()
    {
        await using var factory = new EngineFactory();
        var client = factory.CreateClient();
        var id = $"c-{Guid.NewGuid():N}";
        var suggestion = await FirstSuggestionOfAShopperAsync(client, id);
        var path = $"/api/suggestions/{Uri.EscapeDataString((string)suggestion["suggestionId"]!)}/outcome";
        var actionId = (string)suggestion["actionId"]!;
        var before = await AcceptedCountAsync(client, actionId);

        using var first = await client.PostAsJsonAsync(path, new { outcome = "accepted" });
        using var again = await client.PostAsJsonAsync(path, new { outcome = "accepted" });
        using var contradicting = await client.PostAsJsonAsync(path, new { outcome = "dismissed" });
        using var unknown = await client.PostAsJsonAsync("/api/suggestions/nope/outcome", new { outcome = "accepted" });
        using var invalid = await client.PostAsJsonAsync(path, new { outcome = "maybe" });
        var view = await client.CustomerAsync(id);

        Assert.Equal("recorded", (string?)JsonNode.Parse(await first.Content.ReadAsStringAsync())!["status"]);
        Assert.Equal("alreadyRecorded", (string?)JsonNode.Parse(await again.Content.ReadAsStringAsync())!["status"]);
        Assert.Equal(HttpStatusCode.NotFound, contradicting.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("outcome", (string?)JsonNode.Parse(await invalid.Content.ReadAsStringAsync())!["field"]);
        Assert.Equal(before + 1, await AcceptedCountAsync(client, actionId));
        Assert.Single(view["recent"]!.AsArray(), r => (string?)r!["type"] == "suggestion.outcome");
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task A_catalog_change_reaches_the_next_suggestions_and_a_bad_catalog_is_refused_naming_the_field()
    {
        await using var factory = new EngineFactory();
        var client = factory.CreateClient();
        var id = $"c-{Guid.NewGuid():N}";
        var current = await FirstSuggestionOfAShopperAsync(client, id);
        var catalog = JsonNode.Parse(await client.GetStringAsync("/api/actions"))!;
        var action = catalog["actions"]!.AsArray().First(a => (string?)a!["id"] == (string?)current["actionId"])!;
        action["title"] = "Renamed by the catalog editor";
        var broken = catalog.DeepClone();
        broken["actions"]![0]!["value"] = -5;

        using var refused = await client.PutAsync("/api/actions", new StringContent(broken.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        using var accepted = await client.PutAsync("/api/actions", new StringContent(catalog.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        var after = await SuggestionsAsync(client, id);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("actions[0].value", (string?)problem["field"]);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains(after, s => (string?)s!["title"] == "Renamed by the catalog editor");
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task The_360_view_carries_the_current_suggestions()
    {
        await using var factory = new EngineFactory();
        var client = factory.CreateClient();
        var id = $"c-{Guid.NewGuid():N}";
        await ShopperWalksInAsync(client, id);

        var view = await client.CustomerAsync(id);
        var suggestions = await SuggestionIdsAsync(client, id);

        Assert.Equal(suggestions, view["suggestions"]!.AsArray().Select(s => (string?)s!["suggestionId"]));
        Assert.NotEmpty(suggestions);
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    // A recent buyer who just walked in: someone the engine always has suggestions for.
    private static Task ShopperWalksInAsync(HttpClient client, string id)
    {
        var now = DateTimeOffset.UtcNow;
        return client.IngestAsync(Registered(id, now.AddDays(-100)), Purchase(id, now.AddDays(-3)), Entered(id, now.AddMinutes(-1)));
    }

    private static async Task<JsonNode> FirstSuggestionOfAShopperAsync(HttpClient client, string id)
    {
        await ShopperWalksInAsync(client, id);
        return (await SuggestionsAsync(client, id))[0]!;
    }

    private static async Task<JsonArray> SuggestionsAsync(HttpClient client, string id)
    {
        var (status, body, _) = await client.GetJsonAsync($"/api/customers/{Uri.EscapeDataString(id)}/suggestions");
        Assert.True(status == HttpStatusCode.OK, $"suggestions of {id}: {(int)status} {body?.ToJsonString()}");
        return body!.AsArray();
    }

    private static async Task<List<string?>> SuggestionIdsAsync(HttpClient client, string id) =>
        [.. (await SuggestionsAsync(client, id)).Select(s => (string?)s!["suggestionId"])];

    private static async Task<long> AcceptedCountAsync(HttpClient client, string actionId)
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync("/api/actions/propensities"));
        return document.RootElement.EnumerateArray()
            .Where(e => e.GetProperty("actionId").GetString() == actionId)
            .Sum(e => e.GetProperty("accepted").GetInt64());
    }
}
