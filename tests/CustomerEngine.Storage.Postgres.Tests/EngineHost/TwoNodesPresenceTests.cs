using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CustomerEngine.Grains.Customers;
using CustomerEngine.Grains.Runtime;
using CustomerEngine.Storage.Notifications;
using CustomerEngine.Storage.Postgres.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

using static CustomerEngine.Storage.Postgres.Tests.EngineHost.EngineCalls;

namespace CustomerEngine.Storage.Postgres.Tests.EngineHost;

/// <summary>
/// Who is in a store when its customers are served by two nodes over one PostgreSQL database: each
/// node keeps its own record of the store, and every node answers with all of them.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoNodesPresenceTests
{
    [Fact]
    public async Task Each_node_lists_and_shows_a_joining_dashboard_the_customers_present_on_both()
    {
        await using var nodes = await EnginePair.StartAsync();
        var (first, _, onFirst, onSecond) = nodes;
        var store = $"S-{Guid.NewGuid():N}";
        var (ada, grace) = ($"ada-{Guid.NewGuid():N}", $"grace-{Guid.NewGuid():N}");

        await EnterAsync(onFirst, ada, store);
        await EnterAsync(onSecond, grace, store);

        foreach (var node in new[] { onFirst, onSecond })
        {
            await UntilAsync(async () => (await PresentAsync(node, store)).Order().SequenceEqual(new[] { ada, grace }.Order()), "a node lists both customers");
        }

        await using var dashboard = await ConnectDashboardAsync(first);
        await dashboard.InvokeAsync("JoinStore", store);
        await dashboard.WaitForAsync("CustomerArrived", a => a[0].GetProperty("customerId").GetString() == grace, Patience);

        // Each node's overview counts both nodes' customers in the store.
        foreach (var node in new[] { onFirst, onSecond })
        {
            await UntilAsync(
                async () => (await node.GetFromJsonAsync<JsonObject>("/api/overview"))!["stores"]!.AsArray().Any(s => (string?)s!["storeId"] == store && (int)s["present"]! == 2),
                "a node's overview counts two customers in the store");
        }

        // Two records of the store, one per node, each with its own customer: neither node's
        // writes refused the other's.
        var records = await PresenceRecordsAsync(nodes.ConnectionString, store);
        Assert.Equal(2, records.Count);
        Assert.All(records.Keys, name => Assert.StartsWith("presence@", name, StringComparison.Ordinal));
        Assert.Single(records.Values, data => data.Contains(ada, StringComparison.Ordinal) && !data.Contains(grace, StringComparison.Ordinal));
        Assert.Single(records.Values, data => data.Contains(grace, StringComparison.Ordinal) && !data.Contains(ada, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_dashboard_on_one_node_lists_and_watches_the_other_nodes_customers_without_moving_them()
    {
        await using var nodes = await EnginePair.StartAsync();
        var (first, second, onFirst, onSecond) = nodes;
        var store = $"S-{Guid.NewGuid():N}";
        var grace = $"grace-{Guid.NewGuid():N}";
        await EnterAsync(onSecond, grace, store);
        await UntilAsync(
            async () => (await onFirst.GetFromJsonAsync<JsonObject>($"/api/stores/{store}/presence"))!["customers"]!.AsArray()
                .Any(c => (string?)c!["customerId"] == grace && (string?)c["customer"]?["name"] == grace),
            "the first node lists her in the store, with her summary");

        await using var dashboard = await ConnectDashboardAsync(first);
        await dashboard.InvokeAsync("JoinStore", store);
        var arrived = await dashboard.WaitForAsync("CustomerArrived", a => a[0].GetProperty("customerId").GetString() == grace, Patience);
        await dashboard.InvokeAsync("WatchCustomer", grace);
        await dashboard.WaitForAsync("CustomerUpdated", a => a[0].GetProperty("customerId").GetString() == grace, Patience);

        Assert.Equal(grace, arrived[0].GetProperty("name").GetString());
        Assert.Equal(store, arrived[0].GetProperty("lastStoreId").GetString());

        // Listing and watching read her from the index: she stays served by the second node alone,
        // which pushes her next change to the dashboard on the first.
        Assert.False(first.Services.GetRequiredService<GrainRuntime>().IsActive<ICustomerGrain>(grace));
        Assert.True(second.Services.GetRequiredService<GrainRuntime>().IsActive<ICustomerGrain>(grace));
        await PostAsync(onSecond, Event("feedback", grace, DateTimeOffset.UtcNow, new JsonObject { ["nps"] = 10 }, store));
        await dashboard.WaitForAsync(
            "CustomerUpdated",
            a => a[0].GetProperty("customerId").GetString() == grace && a[0].GetProperty("npsCategory").GetString() == "promoter",
            Patience);
        Assert.False(first.Services.GetRequiredService<GrainRuntime>().IsActive<ICustomerGrain>(grace));
        Assert.True(second.Services.GetRequiredService<GrainRuntime>().IsActive<ICustomerGrain>(grace));
    }

    [Fact]
    public async Task A_dashboard_joining_a_store_is_sent_a_customer_who_walked_in_on_the_other_node_just_before()
    {
        await using var nodes = await EnginePair.StartAsync();
        var (first, _, _, onSecond) = nodes;
        var store = $"S-{Guid.NewGuid():N}";
        var grace = $"grace-{Guid.NewGuid():N}";
        await using var dashboard = await ConnectDashboardAsync(first);

        // The second node writes its record of the store seconds later (Presence:FlushInterval), so
        // the join's list cannot hold her, and her arrival was pushed before the first node watched.
        await EnterAsync(onSecond, grace, store);
        await UntilAsync(async () => (await PresentAsync(onSecond, store)).Contains(grace), "the second node has her in the store");
        await dashboard.InvokeAsync("JoinStore", store);

        await dashboard.WaitForAsync("CustomerArrived", a => a[0].GetProperty("customerId").GetString() == grace, Patience);
    }

    [Fact]
    public async Task A_customer_erased_on_one_node_is_forgotten_in_the_other_nodes_record_of_the_store()
    {
        await using var nodes = await EnginePair.StartAsync();
        var (_, _, onFirst, onSecond) = nodes;
        var store = $"S-{Guid.NewGuid():N}";
        var grace = $"grace-{Guid.NewGuid():N}";
        await EnterAsync(onSecond, grace, store);
        await UntilAsync(async () => (await PresentAsync(onFirst, store)).Contains(grace), "the first node lists the customer the second serves");

        Assert.Equal(HttpStatusCode.OK, (await onFirst.DeleteAsync($"/api/customers/{grace}")).StatusCode);

        await UntilAsync(
            async () => !(await PresenceRecordsAsync(nodes.ConnectionString, store)).Values.Any(data => data.Contains(grace, StringComparison.Ordinal)),
            "no record of the store holds the erased customer");
        Assert.DoesNotContain(grace, await PresentAsync(onSecond, store));
        Assert.DoesNotContain(grace, await PresentAsync(onFirst, store));
    }

    [Fact]
    public async Task A_node_that_stops_leaves_its_customers_to_the_other_which_sees_them_leave()
    {
        // The time-out check comes every second here (every minute by default), so the stopped
        // node's reminder falls due soon after it said goodbye.
        var settings = new Dictionary<string, string> { ["Presence:TimeOutCheckInterval"] = "00:00:01" };
        await using var database = await TemporaryDatabase.CreateAsync();
        await using var first = new EngineOnPostgresFactory(database.ConnectionString, settings: settings);
        var onFirst = first.CreateClient();
        var store = $"S-{Guid.NewGuid():N}";
        var grace = $"grace-{Guid.NewGuid():N}";
        await using (var second = new EngineOnPostgresFactory(database.ConnectionString, settings: settings))
        {
            await EnterAsync(second.CreateClient(), grace, store);
            await UntilAsync(async () => (await PresentAsync(onFirst, store)).Contains(grace), "the first node lists the customer the second serves");
        }

        // The second node's record becomes the first's, in one record of the store.
        var firstRecord = "presence@" + first.Services.GetRequiredService<INodeNotifications>().NodeId;
        await UntilAsync(
            async () => await PresenceRecordsAsync(database.ConnectionString, store) is { Count: 1 } records && records.GetValueOrDefault(firstRecord)?.Contains(grace, StringComparison.Ordinal) == true,
            "the first node takes over the stopped node's record");
        Assert.Contains(grace, await PresentAsync(onFirst, store));

        // The customer now walks out through the first node: its dashboard sees them go.
        await using var dashboard = await ConnectDashboardAsync(first);
        await dashboard.InvokeAsync("JoinStore", store);
        await dashboard.WaitForAsync("CustomerArrived", a => a[0].GetProperty("customerId").GetString() == grace, Patience);
        await PostAsync(onFirst, Event("store.left", grace, DateTimeOffset.UtcNow, [], store));
        await dashboard.WaitForAsync("CustomerLeft", a => a[0].GetString() == grace, Patience);
        Assert.Empty(await PresentAsync(onFirst, store));
    }

    [Fact]
    public async Task A_departure_on_one_node_is_kept_while_the_other_nodes_record_still_has_the_customer_present()
    {
        // Alone, a store would forget this departure at its next write (no retention at all here).
        var settings = new Dictionary<string, string> { ["Presence:DepartedRetention"] = "00:00:00", ["Presence:FlushInterval"] = "00:00:00.200" };
        await using var nodes = await EnginePair.StartAsync(settings);
        var (first, second, onFirst, onSecond) = nodes;
        var store = $"S-{Guid.NewGuid():N}";
        var ada = $"ada-{Guid.NewGuid():N}";
        var firstRecord = "presence@" + first.Services.GetRequiredService<INodeNotifications>().NodeId;
        var secondRecord = "presence@" + second.Services.GetRequiredService<INodeNotifications>().NodeId;

        await EnterAsync(onFirst, ada, store);
        await UntilAsync(
            async () => (await PresenceRecordsAsync(nodes.ConnectionString, store)).GetValueOrDefault(firstRecord)?.Contains(ada, StringComparison.Ordinal) == true,
            "the first node wrote its record with the customer present");

        // She walks out through the other node (the balancer moved her): the first node's record
        // still has her in the store, and only the second's departure outvotes it.
        await PostAsync(onSecond, Event("store.left", ada, DateTimeOffset.UtcNow, [], store));
        await UntilAsync(
            async () => (await PresenceRecordsAsync(nodes.ConnectionString, store)).ContainsKey(secondRecord),
            "the second node wrote its record of the store");

        Assert.Contains(ada, (await PresenceRecordsAsync(nodes.ConnectionString, store))[secondRecord], StringComparison.Ordinal);
        Assert.DoesNotContain(ada, await PresentAsync(onFirst, store));
        Assert.DoesNotContain(ada, await PresentAsync(onSecond, store));
    }

    private static Task EnterAsync(HttpClient node, string id, string store) => PostAsync(
        node,
        Event("customer.registered", id, DateTimeOffset.UtcNow.AddMinutes(-2), new JsonObject { ["name"] = id, ["kind"] = "individual" }, store),
        Event("store.entered", id, DateTimeOffset.UtcNow.AddMinutes(-1), [], store));

    private static async Task<List<string>> PresentAsync(HttpClient node, string store)
    {
        var view = await node.GetFromJsonAsync<JsonObject>($"/api/stores/{store}/presence");
        return [.. view!["customers"]!.AsArray().Select(c => (string)c!["customerId"]!)];
    }

    private static async Task<Dictionary<string, string>> PresenceRecordsAsync(string connectionString, string store)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT state_name, data FROM grain_state WHERE grain_type LIKE '%IStorePresenceGrain' AND grain_key = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = store });
        await using var reader = await command.ExecuteReaderAsync();
        var records = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            records[reader.GetString(0)] = Encoding.UTF8.GetString(reader.GetFieldValue<byte[]>(1));
        }

        return records;
    }
}
