using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Storage.Conformance.Events;
using CustomerEngine.Storage.Sqlite.Tests.Support;
using Microsoft.Data.Sqlite;

namespace CustomerEngine.Storage.Sqlite.Tests.Writing;

/// <summary>
/// The single writer groups queued writes into shared commits. Another connection holding the
/// write lock stands in for a slow commit, so writes pile up in the queue deterministically.
/// </summary>
public sealed class GroupCommitTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Writes_queued_behind_a_commit_are_committed_together()
    {
        await using var store = await _database.OpenStoreAsync(PatientOptions);
        var before = store.CommittedBatches;

        List<Task<long>> writes;
        using (var blocker = HoldWriteLock())
        {
            writes = [.. Enumerable.Range(0, 50).Select(i => store.WriteAsync(new GrainStateId("G", $"k{i}", "s"), new byte[] { 1 }, 0))];
            SqlStatement.Execute(blocker, "COMMIT;");
        }

        Assert.All(await Task.WhenAll(writes), version => Assert.Equal(1, version));

        // At most the group the writer had taken before the lock was released, then everything else at once.
        Assert.InRange(store.CommittedBatches - before, 1, 2);
    }

    [Fact]
    public async Task A_commit_takes_no_more_than_the_configured_number_of_operations()
    {
        await using var store = await _database.OpenStoreAsync(PatientOptions with { MaxBatchOperations = 10 });
        var before = store.CommittedBatches;

        List<Task<IReadOnlyList<CustomerEngine.Storage.Events.AppendOutcome>>> appends;
        using (var blocker = HoldWriteLock())
        {
            appends = [.. Enumerable.Range(0, 50).Select(i => store.AppendAsync([SampleEvents.Event($"e{i}", "s1")]))];
            SqlStatement.Execute(blocker, "COMMIT;");
        }

        await Task.WhenAll(appends);

        Assert.True(store.CommittedBatches - before >= 5, $"50 operations in groups of at most 10 need 5 commits, saw {store.CommittedBatches - before}.");
        Assert.Equal(50, await store.CountAsync());
    }

    [Fact]
    public async Task Reads_are_answered_while_a_write_is_waiting_for_the_lock()
    {
        await using var store = await _database.OpenStoreAsync(PatientOptions);
        await store.AppendAsync([SampleEvents.Event("e1", "s1")]);

        using var blocker = HoldWriteLock();
        var pending = store.AppendAsync([SampleEvents.Event("e2", "s1")]);

        Assert.Equal(1, await store.CountAsync());
        Assert.Single(await store.ReadStreamsAsync(["s1"], 0));
        Assert.False(pending.IsCompleted);

        SqlStatement.Execute(blocker, "COMMIT;");
        await pending;
        Assert.Equal(2, await store.CountAsync());
    }

    [Fact]
    public async Task Conflicting_write_in_a_group_fails_alone()
    {
        await using var store = await _database.OpenStoreAsync(PatientOptions);
        var contested = new GrainStateId("G", "contested", "s");
        await store.WriteAsync(contested, new byte[] { 1 }, 0);
        var before = store.CommittedBatches;

        Task<long> stale, fresh;
        Task<IReadOnlyList<CustomerEngine.Storage.Events.AppendOutcome>> append;
        using (var blocker = HoldWriteLock())
        {
            fresh = store.WriteAsync(new GrainStateId("G", "fresh", "s"), new byte[] { 2 }, 0);
            stale = store.WriteAsync(contested, new byte[] { 3 }, 0);
            append = store.AppendAsync([SampleEvents.Event("e1", "s1")]);
            SqlStatement.Execute(blocker, "COMMIT;");
        }

        var conflict = await Assert.ThrowsAsync<GrainStateConflictException>(() => stale);
        Assert.Equal(1, conflict.ActualVersion);
        Assert.Equal(1, await fresh);
        Assert.False((await append)[0].IsDuplicate);
        Assert.InRange(store.CommittedBatches - before, 1, 2);
        Assert.Equal(new byte[] { 1 }, (await store.ReadAsync(contested))?.Data);
    }

    // The writer waits for the blocker's lock; a generous wait keeps a slow machine from turning
    // that wait into a busy error.
    private SqliteStoreOptions PatientOptions => _database.Options with { BusyTimeout = TimeSpan.FromMinutes(1) };

    private SqliteConnection HoldWriteLock()
    {
        var connection = _database.OpenConnection();
        SqlStatement.Execute(connection, "BEGIN IMMEDIATE;");
        return connection;
    }
}
