using CustomerEngine.Grains.Customers;
using CustomerEngine.Storage.Customers;
using CustomerEngine.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Grains.Tests;

public sealed class CustomerIndexWriterTests
{
    [Fact]
    public async Task A_row_that_could_not_be_written_while_the_store_was_locked_is_written_by_the_next_flush()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ce-grain-tests", Guid.NewGuid().ToString("N"));
        var path = Path.Combine(folder, "engine.db");
        await using (var store = new SqliteEngineStore(new SqliteStoreOptions { Path = path, BusyTimeout = TimeSpan.FromMilliseconds(100) }))
        {
            await store.InitializeAsync();
            using var writer = new CustomerIndexWriter(store, Options.Create(new CustomerIndexOptions()), NullLogger<CustomerIndexWriter>.Instance);
            writer.Enqueue(new CustomerIndexEntry("c1", "Ada", "individual", "active", null, "S1", "S1", null, null, null, null, 0, 1, 50m, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, null), urgent: false);

            // Another process holding the write lock: the flush fails as it would in an outage.
            using (var other = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
            {
                other.Open();
                using var transaction = other.BeginTransaction(deferred: false);
                await Assert.ThrowsAsync<SqliteException>(() => writer.FlushAsync());
            }

            await writer.FlushAsync();
            var rows = await store.QueryAsync(new CustomerQuery(null, null, null, null, 1, 10));

            Assert.Equal("c1", Assert.Single(rows.Items).CustomerId);
        }

        Directory.Delete(folder, recursive: true);
    }
}
