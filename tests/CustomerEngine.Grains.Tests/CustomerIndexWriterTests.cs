using CustomerEngine.Domain.Customers;
using CustomerEngine.Domain.Events;
using CustomerEngine.Domain.Lifecycle;
using CustomerEngine.Domain.Satisfaction;
using CustomerEngine.Domain.Segments;
using CustomerEngine.Domain.Value;
using CustomerEngine.Domain.Views;
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
            using var writer = WriterFor(store);
            writer.Enqueue(RowOf("c1", "Ada"), urgent: false);

            // Another process holding the write lock: the flush fails as it would in an outage.
            using (var other = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
            {
                other.Open();
                using var transaction = other.BeginTransaction(deferred: false);
                await Assert.ThrowsAsync<SqliteException>(() => writer.FlushAsync());
            }

            await writer.FlushAsync();
            var rows = await ListedAsync(store);

            Assert.Equal("c1", Assert.Single(rows.Items).CustomerId);
        }

        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_row_updated_while_it_waits_is_written_once_with_its_latest_values()
    {
        var (folder, store) = await OpenStoreAsync();
        await using (store)
        {
            using var writer = WriterFor(store);
            var customer = CustomerEvolver.Create("c1");
            customer.Name = "Ada";
            var row = new CustomerIndexRow("c1");
            Update(row, customer);
            writer.Enqueue(row, urgent: false);
            customer.Name = "Ada Lovelace";
            Update(row, customer);
            writer.Enqueue(row, urgent: false);

            await writer.FlushAsync();
            var rows = await ListedAsync(store);

            Assert.Equal("Ada Lovelace", Assert.Single(rows.Items).Name);
        }

        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_removal_queued_after_a_row_wins_over_it()
    {
        var (folder, store) = await OpenStoreAsync();
        await using (store)
        {
            using var writer = WriterFor(store);
            writer.Enqueue(RowOf("c1", "Ada"), urgent: true);
            writer.Enqueue(RowOf("c2", "Grace"), urgent: true);
            await writer.FlushAsync();

            writer.Enqueue(RowOf("c1", "Ada"), urgent: true);
            writer.EnqueueRemoval("c1");
            await writer.FlushAsync();
            var rows = await ListedAsync(store);

            Assert.Equal("c2", Assert.Single(rows.Items).CustomerId);
        }

        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void A_row_reports_a_change_only_when_a_column_that_lists_filter_on_moves()
    {
        var customer = CustomerEvolver.Create("c1");
        customer.Name = "Ada";
        var row = new CustomerIndexRow("c1");

        var first = Update(row, customer);
        customer.Stats.Visits = 3;
        customer.Stats.LastSeenAt = DateTimeOffset.UtcNow;
        var countersOnly = Update(row, customer);
        customer.LastStoreId = "S2";
        var storeMoved = Update(row, customer);

        Assert.True(first);
        Assert.False(countersOnly);
        Assert.True(storeMoved);
        Assert.Equal("S2", row.ToEntry().LastStoreId);
    }

    [Fact]
    public void A_summary_read_back_from_the_index_equals_the_one_the_grain_projected()
    {
        var customer = CustomerEvolver.Create("c1");
        var row = new CustomerIndexRow("c1");
        var seen = new DateTimeOffset(2026, 12, 7, 10, 15, 0, TimeSpan.Zero);
        var projected = new CustomerSummary(
            "c1", "Ada", CustomerKind.Organization, LifecycleStage.AtRisk, ValueTier.High, "S1", "S2",
            new CustomerSegments(PriceSensitivity.ValueDriven, BrandLoyalty.MultiBrandExplorer, ChannelPreference.Omnichannel),
            NpsCategory.Detractor, OpenComplaints: 2, LastSeenAt: seen);
        var sparse = projected with { Name = null, Tier = null, HomeStoreId = null, Segments = new CustomerSegments(null, null, null), NpsCategory = null, LastSeenAt = null };

        row.Update(customer, projected, new CustomerRules(), model: null);
        var full = CustomerIndexRow.SummaryOf(row.ToEntry());
        row.Update(customer, sparse, new CustomerRules(), model: null);

        Assert.Equal(projected, full);
        Assert.Equal(sparse, CustomerIndexRow.SummaryOf(row.ToEntry()));
        Assert.Null(CustomerIndexRow.SummaryOf(row.ToEntry() with { Stage = "a stage of a later version" }));
    }

    private static async Task<(string Folder, SqliteEngineStore Store)> OpenStoreAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ce-grain-tests", Guid.NewGuid().ToString("N"));
        var store = new SqliteEngineStore(new SqliteStoreOptions { Path = Path.Combine(folder, "engine.db") });
        await store.InitializeAsync();
        return (folder, store);
    }

    private static CustomerIndexWriter WriterFor(SqliteEngineStore store) =>
        new(store, Options.Create(new CustomerIndexOptions()), NullLogger<CustomerIndexWriter>.Instance);

    private static Task<CustomerPage> ListedAsync(SqliteEngineStore store) => store.QueryAsync(new CustomerQuery(null, null, null, null, 1, 10));

    private static CustomerIndexRow RowOf(string customerId, string name)
    {
        var customer = CustomerEvolver.Create(customerId);
        customer.Name = name;
        var row = new CustomerIndexRow(customerId);
        Update(row, customer);
        return row;
    }

    private static bool Update(CustomerIndexRow row, CustomerState customer)
    {
        var rules = new CustomerRules();
        return row.Update(customer, CustomerViews.ToSummary(customer, DateTimeOffset.UtcNow, ValueDistribution.Empty, rules), rules, model: null);
    }
}
