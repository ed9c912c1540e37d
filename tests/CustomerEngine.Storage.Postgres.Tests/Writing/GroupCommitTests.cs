using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Storage.Conformance.Events;
using CustomerEngine.Storage.Events;
using CustomerEngine.Storage.Postgres.Tests.Support;
using CustomerEngine.Storage.Postgres.Writing;
using Npgsql;

namespace CustomerEngine.Storage.Postgres.Tests.Writing;

/// <summary>
/// The single writer groups queued writes into shared transactions. Another connection holding
/// the append lock stands in for a slow commit, so writes pile up in the queue deterministically.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class GroupCommitTests : IAsyncLifetime
{
    private TemporaryDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TemporaryDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Appends_queued_behind_a_commit_are_committed_together()
    {
        await using var store = await _database.OpenStoreAsync();
        var before = store.CommittedBatches;

        List<Task<IReadOnlyList<AppendOutcome>>> appends;
        await using (var blocker = await HoldAppendLockAsync())
        {
            appends = [.. Enumerable.Range(0, 50).Select(i => store.AppendAsync([SampleEvents.Event($"e{i}", $"s{i % 5}")]))];
        }

        var outcomes = await Task.WhenAll(appends);

        Assert.All(outcomes, outcome => Assert.False(outcome[0].IsDuplicate));

        // At most the group the writer had taken before the lock was released, then everything else at once.
        Assert.InRange(store.CommittedBatches - before, 1, 2);
        Assert.Equal(50, await store.CountAsync());
    }

    [Fact]
    public async Task A_commit_takes_no_more_than_the_configured_number_of_operations()
    {
        await using var store = await _database.OpenStoreAsync(_database.Options with { MaxBatchOperations = 10 });
        var before = store.CommittedBatches;

        List<Task<IReadOnlyList<AppendOutcome>>> appends;
        await using (var blocker = await HoldAppendLockAsync())
        {
            appends = [.. Enumerable.Range(0, 50).Select(i => store.AppendAsync([SampleEvents.Event($"e{i}", "s1")]))];
        }

        await Task.WhenAll(appends);

        Assert.True(store.CommittedBatches - before >= 5, $"50 operations in groups of at most 10 need 5 commits, saw {store.CommittedBatches - before}.");
        Assert.Equal(50, await store.CountAsync());
    }

    [Fact]
    public async Task Reads_are_answered_while_an_append_waits_for_the_lock()
    {
        await using var store = await _database.OpenStoreAsync();
        await store.AppendAsync([SampleEvents.Event("e1", "s1")]);

        Task pending;
        await using (var blocker = await HoldAppendLockAsync())
        {
            pending = store.AppendAsync([SampleEvents.Event("e2", "s1")]);

            Assert.Equal(1, await store.CountAsync());
            Assert.Single(await store.ReadStreamsAsync(["s1"], 0));
            Assert.False(pending.IsCompleted);
        }

        await pending;
        Assert.Equal(2, await store.CountAsync());
    }

    [Fact]
    public async Task A_write_the_server_refuses_fails_alone_and_the_rest_of_its_group_commits()
    {
        await using var store = await _database.OpenStoreAsync();
        var contested = new GrainStateId("G", "contested", "s");
        await store.WriteAsync(contested, new byte[] { 1 }, 0);

        Task<IReadOnlyList<AppendOutcome>> good, refused;
        Task<long> fresh, stale;
        await using (var blocker = await HoldAppendLockAsync())
        {
            good = store.AppendAsync([SampleEvents.Event("good", "s1")]);

            // PostgreSQL text cannot hold a NUL character: the server rejects the statement, which
            // aborts the transaction the writer shares with every other write of its group.
            refused = store.AppendAsync([SampleEvents.Event("bad\0id", "s1")]);
            fresh = store.WriteAsync(new GrainStateId("G", "fresh", "s"), new byte[] { 2 }, 0);
            stale = store.WriteAsync(contested, new byte[] { 3 }, 0);
        }

        await Assert.ThrowsAsync<PostgresException>(() => refused);
        Assert.False((await good)[0].IsDuplicate);
        Assert.Equal(1, await fresh);
        Assert.Equal(1, (await Assert.ThrowsAsync<GrainStateConflictException>(() => stale)).ActualVersion);
        Assert.Equal(["good"], (await store.ReadStreamsAsync(["s1"], 0)).Select(e => e.EventId));
        Assert.Equal(new byte[] { 1 }, (await store.ReadAsync(contested))?.Data);
    }

    // A session-level hold of the lock every appending transaction takes: the writer's next
    // transaction with an append waits for it, and the writes queued meanwhile form one group.
    private async Task<NpgsqlConnection> HoldAppendLockAsync()
    {
        var connection = await _database.OpenConnectionAsync();
        await using var hold = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection) { Parameters = { new NpgsqlParameter<long> { TypedValue = AdvisoryLocks.EventAppend } } };
        await hold.ExecuteNonQueryAsync();
        return connection;
    }
}
