using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CustomerEngine.Storage.Postgres.Tests.Support;

using static CustomerEngine.Storage.Postgres.Tests.EngineHost.EngineCalls;

namespace CustomerEngine.Storage.Postgres.Tests.EngineHost;

/// <summary>The overview page's rates when two nodes share one PostgreSQL database: every node shows the whole engine's.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoNodesOverviewTests
{
    [Fact]
    public async Task Each_node_s_overview_counts_the_events_accepted_and_the_outcomes_recorded_on_both()
    {
        await using var nodes = await EnginePair.StartAsync();
        var (_, _, onFirst, onSecond) = nodes;
        var (ada, grace) = ($"ada-{Guid.NewGuid():N}", $"grace-{Guid.NewGuid():N}");
        var now = DateTimeOffset.UtcNow;
        await PostAsync(
            onFirst,
            Event("customer.registered", ada, now.AddDays(-10), new JsonObject { ["name"] = "Ada", ["kind"] = "individual" }),
            Event("store.entered", ada, now.AddMinutes(-1), []),
            Event("complaint.opened", ada, now, new JsonObject { ["complaintId"] = "k-1", ["topic"] = "broken zip" }));
        await PostAsync(onSecond, Event("customer.registered", grace, now, new JsonObject { ["name"] = "Grace", ["kind"] = "individual" }), Event("store.entered", grace, now, []));
        var suggestion = (await onFirst.GetFromJsonAsync<JsonArray>($"/api/customers/{ada}/suggestions"))!.First()!;
        var kind = (string)suggestion["kind"]!;
        var outcome = await onFirst.PostAsJsonAsync($"/api/suggestions/{(string)suggestion["suggestionId"]!}/outcome", new { outcome = "accepted" });
        Assert.True(outcome.IsSuccessStatusCode, $"the outcome is recorded: {(int)outcome.StatusCode}");

        foreach (var node in new[] { onFirst, onSecond })
        {
            await UntilAsync(
                async () => await node.GetFromJsonAsync<JsonObject>("/api/overview") is { } overview
                    && (long)overview["eventsLastMinute"]! == 5
                    && overview["eventsPerSecondHistory"]!.AsArray().Sum(count => (long)count!) == 5
                    && overview["acceptance"]!.AsArray().Any(a => (string?)a!["kind"] == kind && (long)a["accepted"]! == 1),
                "a node's overview counts the five events accepted by both nodes and the acceptance recorded on the first");
        }
    }
}
