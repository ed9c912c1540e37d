using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerEngine.Durability.Tests.Stores;
using CustomerEngine.Grains.Customers;
using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Storage.Customers;

namespace CustomerEngine.Durability.Tests.Verification;

/// <summary>
/// What a stopped engine left in its store besides the log: every customer's snapshot and index
/// row. After a graceful stop both must cover every stored event; during operation they may lag
/// (snapshots are written every 100 events, index rows whose counters moved wait up to 10 s).
/// </summary>
public static class FlushedState
{
    private const int Examples = 5;
    private static readonly JsonSerializerOptions StateJson = new(JsonSerializerDefaults.Web);

    /// <summary>Fails, naming the customers, unless each one's snapshot folded exactly the events the log holds for it.</summary>
    public static async Task AssertSnapshotsCoverTheLogAsync(EngineStoreUnderTest store, LogContents log)
    {
        var lagging = await store.ReadAsync(async states =>
        {
            var found = new List<string>();
            foreach (var customerId in log.Customers.Order(StringComparer.Ordinal))
            {
                var events = log.Of(customerId);
                var stored = await states.ReadAsync(new GrainStateId(typeof(ICustomerGrain).FullName!, customerId, "customer"));
                var snapshot = stored is null ? null : JsonSerializer.Deserialize<CustomerGrainState>(stored.Data, StateJson);
                var lastSequence = events.Max(e => e.Sequence);
                if (snapshot?.Customer is not { } customer || snapshot.AppliedCount != events.Count || customer.MaxSequence != lastSequence)
                {
                    found.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{customerId}: snapshot {(snapshot is null ? "missing" : $"folded {snapshot.AppliedCount} events through sequence {snapshot.Customer?.MaxSequence}")}, the log holds {events.Count} through {lastSequence}"));
                }
            }

            return found;
        });
        Assert.True(lagging.Count == 0, $"{lagging.Count} of {log.Customers.Count} customers' snapshots were not flushed: {string.Join("; ", lagging.Take(Examples))}");
    }

    /// <summary>Fails, naming the customers, unless each one's index row counts all its stored purchases.</summary>
    public static async Task AssertIndexRowsCoverTheLogAsync(EngineStoreUnderTest store, LogContents log, IReadOnlyDictionary<string, JsonObject> sentEvents)
    {
        var rows = await store.ReadAsync(async index =>
            (await index.QueryAsync(new CustomerQuery(null, null, null, null, Page: 1, PageSize: 10_000))).Items.ToDictionary(r => r.CustomerId, StringComparer.Ordinal));
        var stale = new List<string>();
        foreach (var customerId in log.Customers.Order(StringComparer.Ordinal))
        {
            var spend = log.Of(customerId).Where(e => e.Type == "purchase").Sum(e => (decimal)sentEvents[e.EventId]["data"]!["total"]!);
            if (!rows.TryGetValue(customerId, out var row) || row.Monetary != spend)
            {
                stale.Add(string.Create(CultureInfo.InvariantCulture, $"{customerId}: index row {(row is null ? "missing" : $"has monetary {row.Monetary}")}, the log's purchases total {spend}"));
            }
        }

        Assert.True(stale.Count == 0, $"{stale.Count} of {log.Customers.Count} customers' index rows were not flushed: {string.Join("; ", stale.Take(Examples))}");
    }
}
