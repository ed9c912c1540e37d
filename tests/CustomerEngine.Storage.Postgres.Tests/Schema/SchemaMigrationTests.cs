using CustomerEngine.Grains.Runtime.Reminders;
using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Storage.Conformance.Customers;
using CustomerEngine.Storage.Conformance.Events;
using CustomerEngine.Storage.Customers;
using CustomerEngine.Storage.Postgres.Schema;
using CustomerEngine.Storage.Postgres.Tests.Support;
using Npgsql;

namespace CustomerEngine.Storage.Postgres.Tests.Schema;

/// <summary>Databases created by older builds, or by several nodes at once, end up at the current schema with their data.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SchemaMigrationTests : IAsyncLifetime
{
    // Rows as a version-1 build wrote them, in plain SQL so the test does not depend on today's code.
    private const string Version1Rows = """
        INSERT INTO events (event_id, stream_key, type, occurred_at, occurred_at_offset_minutes, payload)
        VALUES ('old-1', 'c-old', 'purchase', '2025-01-01 10:00:00.123+00', 60, '\x7b7d'),
               ('old-2', 'c-old', 'feedback', '2025-01-02 10:00:00+00', 0, '\x7b7d');
        INSERT INTO grain_state (grain_type, grain_key, state_name, data, version) VALUES ('ICustomerGrain', 'c-old', 'state', '\x010203', 7);
        INSERT INTO customers (customer_id, name, kind, stage, tier, open_complaints, frequency, monetary, last_purchase_at, next_due_at)
        VALUES ('c-old', 'Old Row', 'individual', 'active', 'high', 0, 4, 120.50, '2025-01-01 10:00:00+00', '2025-03-02 10:00:00+00'),
               ('c-due-later', NULL, 'individual', 'active', NULL, 0, 1, 5, '2025-01-01 10:00:00+00', '2025-04-01 00:00:00+00');
        INSERT INTO reminders (grain_type, grain_key, name, due_at, period_ticks)
        VALUES ('IEngineMaintenanceGrain', 'engine', 'lifecycle-sweep', '2025-01-01 00:01:00+00', 600000000);
        """;

    private TemporaryDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TemporaryDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_database_at_version_1_is_upgraded_to_the_due_time_indexes_of_version_2_with_its_data_intact()
    {
        await using (var dataSource = NpgsqlDataSource.Create(_database.ConnectionString))
        {
            Assert.Equal([1], await SchemaMigrator.MigrateAsync(dataSource, targetVersion: 1, CancellationToken.None));
        }

        await _database.ExecuteAsync(Version1Rows);
        Assert.Equal(["customers_due", "reminders_by_due"], await DueIndexesAsync());

        await using var store = await _database.OpenStoreAsync();

        Assert.Equal(SchemaMigrator.Migrations.Select(m => m.Version), await AppliedVersionsAsync());
        Assert.Equal(["customers_due_in_order", "reminders_due_in_order"], await DueIndexesAsync());

        var events = await store.ReadStreamsAsync(["c-old"], 0);
        Assert.Equal(["old-1", "old-2"], events.Select(e => e.EventId));
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 11, 0, 0, 123, TimeSpan.FromHours(1)), events[0].OccurredAt);
        Assert.Equal(TimeSpan.FromHours(1), events[0].OccurredAt.Offset);
        var state = await store.ReadAsync(new GrainStateId("ICustomerGrain", "c-old", "state"));
        Assert.Equal(new byte[] { 1, 2, 3 }, state?.Data);
        Assert.Equal(7, state?.Version);

        var customers = (await store.QueryAsync(new CustomerQuery(null, null, null, null, 1, 10))).Items;
        var old = Assert.Single(customers, c => c.CustomerId == "c-old");
        Assert.Equal(("Old Row", 4, 120.50m, "high", (int?)null), (old.Name, old.Frequency, old.Monetary, old.Tier, old.PurchaseDays));
        Assert.Equal(["c-old"], await ((ICustomerIndex)store).ReadDueAsync(new DateTimeOffset(2025, 3, 2, 10, 0, 0, TimeSpan.Zero), 10));
        Assert.Equal(["lifecycle-sweep"], (await ((IReminderTable)store).ReadDueAsync(new DateTimeOffset(2025, 1, 1, 0, 1, 0, TimeSpan.Zero), 10)).Select(r => r.Name));

        // The upgraded store goes on writing after the old rows.
        var appended = await store.AppendAsync([SampleEvents.Event("new-1", "c-old")]);
        Assert.True(appended[0].Sequence > events[^1].Sequence);
        await store.UpsertAsync([SampleCustomers.Active("c-new")]);
        Assert.Equal(3, (await store.QueryAsync(new CustomerQuery(null, null, null, null, 1, 10))).Total);
    }

    [Fact]
    public async Task Nodes_initialising_together_against_one_database_all_succeed_and_each_script_runs_once()
    {
        var nodes = Enumerable.Range(0, 4).Select(_ => _database.CreateStore()).ToList();
        try
        {
            await Task.WhenAll(nodes.Select(node => Task.Run(() => node.InitializeAsync())));

            Assert.Equal(SchemaMigrator.Migrations.Select(m => m.Version), await AppliedVersionsAsync());
            await Task.WhenAll(nodes.Select((node, i) => node.AppendAsync([SampleEvents.Event($"from-node-{i}", "s1")])));
            Assert.Equal(nodes.Count, await nodes[0].CountAsync());
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_database_migrated_by_a_newer_build_is_refused_and_left_as_it_was()
    {
        await (await _database.OpenStoreAsync()).DisposeAsync();
        var newer = SchemaMigrator.LatestVersion + 1;
        await _database.ExecuteAsync($"INSERT INTO schema_migrations (version, name) VALUES ({newer}, 'from_the_future')");

        await using var store = _database.CreateStore();
        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync());

        Assert.Contains($"schema version {newer}", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("newer build", refusal.Message, StringComparison.Ordinal);
        Assert.Equal([.. SchemaMigrator.Migrations.Select(m => m.Version), newer], await AppliedVersionsAsync());
    }

    [Fact]
    public void Migration_scripts_are_numbered_from_one_without_gaps()
    {
        Assert.Equal(Enumerable.Range(1, SchemaMigrator.Migrations.Count), SchemaMigrator.Migrations.Select(m => m.Version));
        Assert.Equal("0001_initial", SchemaMigrator.Migrations[0].Name);
    }

    private async Task<List<int>> AppliedVersionsAsync()
    {
        await using var connection = await _database.OpenConnectionAsync();
        await using var select = new NpgsqlCommand("SELECT version FROM schema_migrations ORDER BY version", connection);
        await using var reader = await select.ExecuteReaderAsync();
        var versions = new List<int>();
        while (await reader.ReadAsync())
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private async Task<List<string>> DueIndexesAsync()
    {
        await using var connection = await _database.OpenConnectionAsync();
        await using var select = new NpgsqlCommand(
            "SELECT indexname FROM pg_indexes WHERE tablename IN ('customers', 'reminders') AND indexname LIKE '%due%' ORDER BY indexname", connection);
        await using var reader = await select.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
