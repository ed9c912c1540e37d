using CustomerEngine.Grains.Runtime.Reminders;
using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Storage.Conformance.Customers;
using CustomerEngine.Storage.Conformance.Events;
using CustomerEngine.Storage.Customers;
using CustomerEngine.Storage.Sqlite.Tests.Support;

namespace CustomerEngine.Storage.Sqlite.Tests.Lifecycle;

/// <summary>The file's life: creation, reopening, closing, and refusing what it cannot do.</summary>
public sealed class SqliteStoreLifecycleTests : IDisposable
{
    private static readonly GrainStateId State = new("ICustomerGrain", "c-1", "state");
    private static readonly CustomerQuery Everyone = new(null, null, null, null, 1, 100);
    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Missing_folder_and_file_are_created()
    {
        Assert.False(File.Exists(_database.Path));

        await using var store = await _database.OpenStoreAsync();

        Assert.True(File.Exists(_database.Path));
        Assert.Equal(_database.Path, store.DatabasePath);
    }

    [Fact]
    public async Task File_uses_write_ahead_logging()
    {
        await using var store = await _database.OpenStoreAsync();

        using var connection = _database.OpenConnection();
        Assert.Equal("wal", SqlStatement.Execute(connection, "PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task Reopening_the_file_keeps_events_state_index_and_reminders()
    {
        var reminder = new ReminderEntry("ICustomerGrain", "c-1", "follow-up", SampleEvents.Origin, TimeSpan.FromDays(1));
        var entry = SampleCustomers.Active("c-1");
        var occurredAt = new DateTimeOffset(2025, 1, 2, 3, 4, 5, 678, TimeSpan.FromHours(9));
        await using (var first = await _database.OpenStoreAsync())
        {
            await first.AppendAsync([SampleEvents.Event("e1", "c-1", occurredAt: occurredAt), SampleEvents.Event("e2", "c-1")]);
            await first.WriteAsync(State, new byte[] { 1, 2, 3 }, 0);
            await first.WriteAsync(State, new byte[] { 4, 5, 6 }, 1);
            await first.UpsertAsync([entry]);
            await first.UpsertAsync(reminder);
        }

        await using var reopened = await _database.OpenStoreAsync();

        var events = await reopened.ReadStreamsAsync(["c-1"], 0);
        Assert.Equal(["e1", "e2"], events.Select(e => e.EventId));
        Assert.Equal(occurredAt.Offset, events[0].OccurredAt.Offset);
        Assert.Equal(new byte[] { 4, 5, 6 }, (await reopened.ReadAsync(State))?.Data);
        Assert.Equal(2, (await reopened.ReadAsync(State))?.Version);
        Assert.Equal([entry], (await reopened.QueryAsync(Everyone)).Items);
        Assert.Equal([reminder], await reopened.ReadForGrainAsync("ICustomerGrain", "c-1"));
        Assert.Equal(2, await reopened.CountAsync());
    }

    [Fact]
    public async Task Sequences_keep_growing_after_reopening()
    {
        long last;
        await using (var first = await _database.OpenStoreAsync())
        {
            last = (await first.AppendAsync([SampleEvents.Event("e1", "s1")]))[0].Sequence!.Value;
        }

        await using var reopened = await _database.OpenStoreAsync();
        var next = await reopened.AppendAsync([SampleEvents.Event("e2", "s1"), SampleEvents.Event("e1", "s1")]);

        Assert.True(next[0].Sequence > last);
        Assert.True(next[1].IsDuplicate);
    }

    [Fact]
    public async Task Store_without_full_sync_keeps_data_across_reopening()
    {
        await using (var first = await _database.OpenStoreAsync(_database.Options with { FullSync = false }))
        {
            await first.AppendAsync([SampleEvents.Event("e1", "s1")]);
        }

        await using var reopened = await _database.OpenStoreAsync();
        Assert.Equal(1, await reopened.CountAsync());
    }

    [Fact]
    public async Task Dispose_commits_writes_still_queued()
    {
        var store = await _database.OpenStoreAsync();
        var appends = Enumerable.Range(0, 100).Select(i => store.AppendAsync([SampleEvents.Event($"e{i}", "s1")])).ToList();
        var write = store.WriteAsync(State, new byte[] { 9 }, 0);

        await store.DisposeAsync();

        Assert.All(await Task.WhenAll(appends), outcomes => Assert.False(outcomes[0].IsDuplicate));
        Assert.Equal(1, await write);
        await using var reopened = await _database.OpenStoreAsync();
        Assert.Equal(100, await reopened.CountAsync());
        Assert.Equal(1, (await reopened.ReadAsync(State))?.Version);
    }

    [Fact]
    public async Task Writes_after_dispose_fail_with_ObjectDisposedException()
    {
        var store = await _database.OpenStoreAsync();
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.AppendAsync([SampleEvents.Event("e1", "s1")]));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.WriteAsync(State, new byte[] { 1 }, 0));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.ClearAsync(State, 0));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.UpsertAsync([SampleCustomers.Active("c-1")]));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.UpdateTiersAsync([new TierAssignment("c-1", "high")]));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.RemoveAsync("c-1"));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.UpsertAsync(new ReminderEntry("G", "k", "n", SampleEvents.Origin, TimeSpan.FromMinutes(1))));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.RemoveAsync("G", "k", "n"));
    }

    [Fact]
    public async Task Reads_and_pings_after_dispose_fail_with_ObjectDisposedException()
    {
        var store = await _database.OpenStoreAsync();
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.CountAsync());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.ReadAsync(State));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.QueryAsync(Everyone));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.PingAsync());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.InitializeAsync());
    }

    [Fact]
    public async Task Disposing_twice_is_harmless()
    {
        var store = await _database.OpenStoreAsync();

        await store.DisposeAsync();
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.CountAsync());
    }

    [Fact]
    public async Task Store_used_before_initialize_fails_clearly()
    {
        await using var store = _database.CreateStore();

        var append = await Assert.ThrowsAsync<InvalidOperationException>(() => store.AppendAsync([SampleEvents.Event("e1", "s1")]));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.CountAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.PingAsync());
        Assert.Contains(nameof(store.InitializeAsync), append.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_database.Path));
    }

    [Fact]
    public async Task File_with_a_newer_schema_is_refused()
    {
        await using (var first = await _database.OpenStoreAsync())
        {
            await first.AppendAsync([SampleEvents.Event("e1", "s1")]);
        }

        using (var connection = _database.OpenConnection())
        {
            SqlStatement.Execute(connection, "PRAGMA user_version = 99;");
        }

        await using var newer = _database.CreateStore();
        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => newer.InitializeAsync());
        Assert.Contains("99", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Initialization_that_failed_can_be_retried()
    {
        // A file where the database's folder should be makes the first attempt fail.
        var folder = Path.GetDirectoryName(_database.Path)!;
        Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
        await File.WriteAllTextAsync(folder, "in the way");
        await using var store = _database.CreateStore();

        await Assert.ThrowsAnyAsync<IOException>(() => store.InitializeAsync());
        File.Delete(folder);
        await store.InitializeAsync();

        await store.AppendAsync([SampleEvents.Event("e1", "s1")]);
        Assert.Equal(1, await store.CountAsync());
    }
}
