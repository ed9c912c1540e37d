using System.Text;
using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Storage.Erasure;
using CustomerEngine.Storage.Events;
using CustomerEngine.Storage.Sqlite.Tests.Support;

namespace CustomerEngine.Storage.Sqlite.Tests.Erasure;

/// <summary>An erasure in SQLite leaves nothing of the customer in the files themselves, not just in query results.</summary>
public sealed class SqliteErasureFileTests : IDisposable
{
    private const string Marker = "Zebedee-Quintessence-4711";
    private const string Kept = "kept-customer-0815";
    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Erased_customer_leaves_no_trace_in_the_database_file_or_its_log_once_the_erasure_returns()
    {
        await using var store = await _database.OpenStoreAsync();
        var payload = Encoding.UTF8.GetBytes($$"""{"name":"{{Marker}}","note":"{{new string('x', 200)}}"}""");
        await store.AppendAsync([new EventToAppend("kept-1", Kept, "purchase", DateTimeOffset.UnixEpoch, Encoding.UTF8.GetBytes("{}"))]);
        await store.AppendAsync([.. Enumerable.Range(0, 20).Select(i => new EventToAppend($"{Marker}-e{i}", Marker, "customer.registered", DateTimeOffset.UnixEpoch, payload))]);
        await store.WriteAsync(new GrainStateId("ICustomerGrain", Marker, "customer"), payload, 0);

        await store.EraseCustomerAsync(new CustomerErasureRequest("erasure-1", DateTimeOffset.UnixEpoch, "admin", null, [Marker], ["ICustomerGrain"]));

        // Read while the store is open: nothing waits for a checkpoint on close.
        var files = StoreFiles();
        Assert.True(files.Any(bytes => Contains(bytes, Kept)), "the files hold the other customer (the search can find text)");
        Assert.False(files.Any(bytes => Contains(bytes, Marker)), "the erased customer's id or data is still in the database file or its log");
    }

    private List<byte[]> StoreFiles() =>
        [.. Directory.GetFiles(Path.GetDirectoryName(_database.Path)!).Select(ReadShared)];

    // The store holds the files open; read them as another process would.
    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static bool Contains(byte[] haystack, string text) => haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
