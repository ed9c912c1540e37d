using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CustomerEngine.Grains.Customers;
using CustomerEngine.Storage.Notifications;
using CustomerEngine.Storage.Postgres.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

using static CustomerEngine.Storage.Postgres.Tests.EngineHost.EngineCalls;

namespace CustomerEngine.Storage.Postgres.Tests.EngineHost;

/// <summary>
/// A campaign whose customers are served by two nodes over one PostgreSQL database: each node
/// counts its own, and both show the whole campaign and spend one budget.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoNodesCampaignResultsTests
{
    // Neither the daily cap nor the number of current suggestions decides whether the offer shows,
    // and nodes tell each other their counts every second (every five by default).
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Engagement:MaxPresentedPerDay"] = "1000",
        ["Engagement:TopN"] = "50",
        ["Campaigns:ResultsSaveInterval"] = "00:00:01",
    };

    [Fact]
    public async Task Both_nodes_show_every_nodes_presentations_and_stop_at_one_budget()
    {
        await using var nodes = await EnginePair.StartAsync(Settings);
        var (_, _, onFirst, onSecond) = nodes;
        var campaign = await ActiveCampaignAsync(onFirst, budget: 3);
        await UntilAsync(async () => await StatusAsync(onSecond, campaign) == "active", "the second node has the campaign in force");

        await OfferedAsync(onFirst, campaign, 2);
        foreach (var node in new[] { onFirst, onSecond })
        {
            await UntilAsync(async () => await PresentedAsync(node, campaign) == 2, "each node counts the first node's two presentations");
        }

        // One slot left in the budget, whichever node serves the next customers.
        var offered = 0;
        for (var i = 0; i < 3; i++)
        {
            offered += await OfferAsync(onSecond, campaign) ? 1 : 0;
        }

        Assert.Equal(1, offered);
        foreach (var node in new[] { onFirst, onSecond })
        {
            await UntilAsync(async () => await PresentedAsync(node, campaign) == 3, "each node counts all three presentations");
            var results = (await node.GetFromJsonAsync<JsonObject>($"/api/campaigns/{campaign}/results"))!;
            Assert.Equal(3, (long)results["budgetUsed"]!);
            Assert.Equal(3, results["series"]!.AsArray().Sum(p => (long)p!["treatment"]!["presented"]!));
        }

        // Saved apart, so neither node's save refuses the other's.
        await UntilAsync(async () => (await ResultsRecordsAsync(nodes.ConnectionString, campaign)).Count == 2, "each node saves its own results");
    }

    [Fact]
    public async Task A_node_that_stops_leaves_its_campaign_results_to_the_other()
    {
        await using var database = await TemporaryDatabase.CreateAsync();
        await using var first = new EngineOnPostgresFactory(database.ConnectionString, settings: Settings);
        var onFirst = first.CreateClient();
        var campaign = await ActiveCampaignAsync(onFirst, budget: null);
        await using (var second = new EngineOnPostgresFactory(database.ConnectionString, settings: Settings))
        {
            var onSecond = second.CreateClient();
            await UntilAsync(async () => await StatusAsync(onSecond, campaign) == "active", "the second node has the campaign in force");
            await OfferedAsync(onSecond, campaign, 2);
            await UntilAsync(async () => await PresentedAsync(onFirst, campaign) == 2, "the first node counts the second's presentations");
        }

        // The second node saved its counts as it stopped; the first makes them its own.
        var firstRecord = "results@" + first.Services.GetRequiredService<INodeNotifications>().NodeId;
        await UntilAsync(
            async () => (await ResultsRecordsAsync(database.ConnectionString, campaign)).SequenceEqual([firstRecord]),
            "the first node's record of the results is the only one left");
        await OfferedAsync(onFirst, campaign, 1);
        await UntilAsync(async () => await PresentedAsync(onFirst, campaign) == 3, "the first node counts the stopped node's presentations and its own");

        // Its own: a second run's start reads them back from the one record.
        await using var again = new EngineOnPostgresFactory(database.ConnectionString, settings: Settings);
        await UntilAsync(async () => await PresentedAsync(again.CreateClient(), campaign) == 3, "a node started afterwards counts all three");
    }

    [Fact]
    public async Task A_restarted_node_serves_from_its_first_request_with_the_results_its_previous_run_saved()
    {
        await using var database = await TemporaryDatabase.CreateAsync();
        string campaign;
        await using (var before = new EngineOnPostgresFactory(database.ConnectionString, settings: Settings))
        {
            var onBefore = before.CreateClient();
            campaign = await ActiveCampaignAsync(onBefore, budget: 2);
            await OfferedAsync(onBefore, campaign, 2);
        }

        // A new run has a new node id; it makes the previous run's results its own before it serves.
        await using var after = new EngineOnPostgresFactory(database.ConnectionString, settings: Settings);
        var onAfter = after.CreateClient();
        var results = (await onAfter.GetFromJsonAsync<JsonObject>($"/api/campaigns/{campaign}/results"))!;
        Assert.Equal(2, (long)results["treatment"]!["presented"]!);
        Assert.Equal(["results@" + after.Services.GetRequiredService<INodeNotifications>().NodeId], await ResultsRecordsAsync(database.ConnectionString, campaign));
        Assert.False(await OfferAsync(onAfter, campaign), "the budget of two is spent");
    }

    [Fact]
    public async Task A_customer_erased_on_one_node_is_forgotten_by_the_node_that_served_them()
    {
        await using var nodes = await EnginePair.StartAsync(Settings);
        var (_, second, onFirst, onSecond) = nodes;
        var campaign = await ActiveCampaignAsync(onFirst, budget: null);
        await UntilAsync(async () => await StatusAsync(onSecond, campaign) == "active", "the second node has the campaign in force");
        var id = await OfferedToNewCustomerAsync(onSecond, campaign);
        await UntilAsync(async () => (await ResultsDataAsync(nodes.ConnectionString, campaign)).Contains(id, StringComparison.Ordinal), "the second node saves what the campaign knows of the customer");

        Assert.Equal(HttpStatusCode.OK, (await onFirst.DeleteAsync($"/api/customers/{id}")).StatusCode);

        // The second node's copy, queued index row and campaign record go too.
        await UntilAsync(async () => (await onSecond.GetAsync($"/api/customers/{id}")).StatusCode == HttpStatusCode.NotFound, "the second node no longer serves the erased customer");
        await UntilAsync(async () => !(await ResultsDataAsync(nodes.ConnectionString, campaign)).Contains(id, StringComparison.Ordinal), "no saved campaign results hold the customer");
        await second.Services.GetRequiredService<CustomerIndexWriter>().FlushAsync();
        Assert.Equal(0, (int)(await onSecond.GetFromJsonAsync<JsonObject>($"/api/customers?pageSize=100"))!["items"]!.AsArray().Count(c => (string?)c!["customerId"] == id));
    }

    private static async Task<string> ActiveCampaignAsync(HttpClient node, long? budget)
    {
        var definition = StandingOffer();
        if (budget is { } total)
        {
            definition["caps"] = new JsonObject { ["totalPresentations"] = total };
        }

        var created = await node.PostAsJsonAsync("/api/campaigns", definition);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await node.PostAsync($"/api/campaigns/{id}/activate", null)).StatusCode);
        return id;
    }

    private static async Task OfferedAsync(HttpClient node, string campaign, int customers)
    {
        for (var i = 0; i < customers; i++)
        {
            Assert.True(await OfferAsync(node, campaign), "the offer is among a new customer's suggestions");
        }
    }

    // A new customer buys, and their suggestions are read: true when the campaign's offer is there.
    private static async Task<bool> OfferAsync(HttpClient node, string campaign) => await OfferToAsync(node, campaign, $"c-{Guid.NewGuid():N}");

    private static async Task<string> OfferedToNewCustomerAsync(HttpClient node, string campaign)
    {
        var id = $"c-{Guid.NewGuid():N}";
        Assert.True(await OfferToAsync(node, campaign, id), "the offer is among a new customer's suggestions");
        return id;
    }

    private static async Task<bool> OfferToAsync(HttpClient node, string campaign, string id)
    {
        var now = DateTimeOffset.UtcNow;
        await PostAsync(
            node,
            Event("customer.registered", id, now.AddDays(-10), new JsonObject { ["name"] = "Hedy", ["kind"] = "individual" }),
            Event("purchase", id, now.AddDays(-2), new JsonObject
            {
                ["orderId"] = Guid.NewGuid().ToString("N"),
                ["items"] = new JsonArray { new JsonObject { ["sku"] = "TENT-1", ["category"] = "tents", ["price"] = 80m, ["quantity"] = 1 } },
                ["total"] = 80m,
            }));
        var suggestions = await node.GetFromJsonAsync<JsonArray>($"/api/customers/{id}/suggestions");
        return suggestions!.Any(s => (string?)s!["actionId"] == "campaign:" + campaign);
    }

    private static async Task<string?> StatusAsync(HttpClient node, string campaign) =>
        (string?)(await node.GetFromJsonAsync<JsonObject>($"/api/campaigns/{campaign}"))!["status"];

    private static async Task<long> PresentedAsync(HttpClient node, string campaign) =>
        (long)(await node.GetFromJsonAsync<JsonObject>($"/api/campaigns/{campaign}/results"))!["treatment"]!["presented"]!;

    private static async Task<string> ResultsDataAsync(string connectionString, string campaign)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT coalesce(string_agg(convert_from(data, 'UTF8'), ''), '') FROM grain_state WHERE grain_type LIKE '%ICampaignGrain' AND grain_key = $1 AND state_name LIKE 'results%'", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = campaign });
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<string>> ResultsRecordsAsync(string connectionString, string campaign)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT state_name FROM grain_state WHERE grain_type LIKE '%ICampaignGrain' AND grain_key = $1 AND state_name LIKE 'results%'", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = campaign });
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
