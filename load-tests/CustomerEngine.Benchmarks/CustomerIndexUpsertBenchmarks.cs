using BenchmarkDotNet.Attributes;
using CustomerEngine.Storage.Customers;
using CustomerEngine.Storage.Sqlite;

namespace CustomerEngine.Benchmarks;

/// <summary>
/// The customer index's commonest write: rows of customers already indexed whose counters and
/// times moved but whose stores and due time did not, 256 to a write (the index writer's chunk),
/// into a SQLite file of 100,000 customers with the engine's settings (full sync, secure delete).
/// One operation is one row, the write's commit included.
/// </summary>
[MemoryDiagnoser]
public class CustomerIndexUpsertBenchmarks
{
    private const int Customers = 100_000;
    private const int RowsPerWrite = 256;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ce-bench-" + Guid.NewGuid().ToString("N"));
    private SqliteEngineStore? _store;
    private CustomerIndexEntry[][] _writes = [];
    private int _next;

    /// <summary>Indexes every customer once, and prepares the writes that replace their rows.</summary>
    [GlobalSetup]
    public async Task IndexTheBase()
    {
        _store = new SqliteEngineStore(new SqliteStoreOptions { Path = Path.Combine(_directory, "engine.db") });
        await _store.InitializeAsync();
        foreach (var chunk in Enumerable.Range(0, Customers).Chunk(1_000))
        {
            await _store.UpsertAsync([.. chunk.Select(i => Entry(i, frequency: 1))]);
        }

        var random = new Random(3);
        _writes = [.. Enumerable.Range(0, 400).Select(w => Enumerable.Range(0, RowsPerWrite).Select(r => Entry(random.Next(Customers), frequency: 2 + w)).ToArray())];
    }

    /// <summary>One write of 256 rows.</summary>
    [Benchmark(OperationsPerInvoke = RowsPerWrite)]
    public Task ReplaceRowsWhoseStoresAndDueTimeStay() => _store!.UpsertAsync(_writes[_next++ % _writes.Length]);

    /// <summary>Closes the store and deletes its file.</summary>
    [GlobalCleanup]
    public async Task DeleteTheFile()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    private static CustomerIndexEntry Entry(int customer, int frequency)
    {
        var origin = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var store = "S" + (1 + (customer % 50));
        return new CustomerIndexEntry(
            "cust-" + customer, null, "individual", "active", "medium", store, store, "valueDriven", "loyal", "store", "passive",
            OpenComplaints: 0, Frequency: frequency, Monetary: frequency * 10.5m, LastPurchaseAt: origin.AddMinutes(frequency), LastSeenAt: origin.AddMinutes(frequency),
            NextDueAt: origin.AddDays(90).AddSeconds(customer), PurchaseDays: frequency, FirstPurchaseAt: origin, RepeatDaySpend: 12.5m);
    }
}
