using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CustomerEngine.Storage.Postgres.Tests.Support;
using Npgsql;

using static CustomerEngine.Storage.Postgres.Tests.EngineHost.EngineCalls;

namespace CustomerEngine.Storage.Postgres.Tests.EngineHost;

/// <summary>The action catalog and the learned propensities when two nodes share one PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoNodesEngagementTests
{
    // Nodes save and tell each other what they learned every second (every ten by default).
    private static readonly Dictionary<string, string> Settings = new() { ["Engagement:LearningSaveInterval"] = "00:00:01" };

    [Fact]
    public async Task An_outcome_recorded_on_one_node_teaches_the_other_and_each_saves_its_own_learning()
    {
        await using var nodes = await EnginePair.StartAsync(Settings);
        var (_, _, onFirst, onSecond) = nodes;
        var id = $"c-{Guid.NewGuid():N}";
        var now = DateTimeOffset.UtcNow;
        await PostAsync(onFirst, Event("customer.registered", id, now.AddDays(-10), new JsonObject { ["name"] = "Ada", ["kind"] = "individual" }), Event("store.entered", id, now.AddMinutes(-1), []), Event("complaint.opened", id, now, new JsonObject { ["complaintId"] = "k-1", ["topic"] = "broken zip" }));
        var suggestion = (await onFirst.GetFromJsonAsync<JsonArray>($"/api/customers/{id}/suggestions"))!.First()!;
        var action = (string)suggestion["actionId"]!;

        var outcome = await onFirst.PostAsJsonAsync($"/api/suggestions/{(string)suggestion["suggestionId"]!}/outcome", new { outcome = "accepted" });
        Assert.True(outcome.IsSuccessStatusCode, $"the outcome is recorded: {(int)outcome.StatusCode}");

        await UntilAsync(
            async () => (await onSecond.GetFromJsonAsync<JsonArray>("/api/actions/propensities"))!.Any(p => (string?)p!["actionId"] == action && (long)p["accepted"]! == 1),
            "the second node weighs the acceptance recorded on the first");
        await UntilAsync(async () => await PropensityRecordsAsync(nodes.ConnectionString) == 2, "each node saves what it learned in a record of its own");
    }

    [Fact]
    public async Task A_catalog_put_in_force_on_one_node_is_in_force_on_the_other()
    {
        await using var nodes = await EnginePair.StartAsync(Settings);
        var (_, _, onFirst, onSecond) = nodes;
        var catalog = (await onFirst.GetFromJsonAsync<JsonObject>("/api/actions"))!;
        var version = (int)catalog["version"]!;
        var first = catalog["actions"]!.AsArray()[0]!;
        first["title"] = "Renamed on the first node";

        using var content = new StringContent(catalog.ToJsonString(), Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.OK, (await onFirst.PutAsync("/api/actions", content)).StatusCode);

        await UntilAsync(
            async () => await onSecond.GetFromJsonAsync<JsonObject>("/api/actions") is { } onOther
                && (int)onOther["version"]! == version + 1
                && (string?)onOther["actions"]!.AsArray()[0]!["title"] == "Renamed on the first node",
            "the second node has the new catalog in force");
    }

    private static async Task<long> PropensityRecordsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM grain_state WHERE grain_type LIKE '%IEngagementStateGrain' AND state_name LIKE 'propensity@%'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
