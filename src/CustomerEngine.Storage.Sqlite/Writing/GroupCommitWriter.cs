using System.Diagnostics;
using System.Threading.Channels;
using CustomerEngine.Storage.Sqlite.Connections;
using CustomerEngine.Storage.Sqlite.Telemetry;
using Microsoft.Data.Sqlite;

namespace CustomerEngine.Storage.Sqlite.Writing;

/// <summary>
/// The only code that writes to the database. Callers queue operations; one loop takes everything
/// queued (up to a limit), runs it in one transaction and commits once, so many writes share one
/// flush to disk. Each operation runs inside its own savepoint, so one rejected operation (say a
/// stale grain-state write) is rolled back alone while the others commit.
/// </summary>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    private const string BeginSql = "BEGIN IMMEDIATE;";
    private const string CommitSql = "COMMIT;";
    private const string SavepointSql = "SAVEPOINT operation;";
    private const string ReleaseSql = "RELEASE operation;";
    private const string RollbackToSavepointSql = "ROLLBACK TO operation;";

    // Unbounded is safe: every caller awaits its own operation, so the queue never holds more
    // than one operation per concurrent caller.
    private readonly Channel<WriteOperation> _queue = Channel.CreateUnbounded<WriteOperation>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });

    private readonly SqliteConnection _connection;
    private readonly PreparedStatements _statements;
    private readonly int _maxBatchOperations;
    private readonly SqliteStoreInstruments _instruments;
    private readonly Task _loop;
    private long _committedBatches;

    public GroupCommitWriter(SqliteConnection connection, int maxBatchOperations, SqliteStoreInstruments instruments)
    {
        _connection = connection;
        _statements = new PreparedStatements(connection);
        _maxBatchOperations = maxBatchOperations;
        _instruments = instruments;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>How many transactions have committed; fewer than the operations when writes were grouped.</summary>
    public long CommittedBatches => Interlocked.Read(ref _committedBatches);

    public bool IsRunning => !_loop.IsCompleted;

    public Task<TResult> SubmitAsync<TResult>(WriteOperation<TResult> operation)
    {
        if (!_queue.Writer.TryWrite(operation))
        {
            throw new ObjectDisposedException(nameof(SqliteEngineStore), "The SQLite store is closed: the write was not accepted.");
        }

        return operation.Completion;
    }

    /// <summary>Stops accepting writes, commits everything already queued, then closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        _statements.Dispose();
        OptimizeQuietly();
        _connection.Dispose();
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<WriteOperation>(Math.Min(_maxBatchOperations, 4096));
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (batch.Count < _maxBatchOperations && reader.TryRead(out var operation))
                {
                    if (!operation.CancelIfRequested())
                    {
                        batch.Add(operation);
                    }
                }

                if (batch.Count > 0)
                {
                    CommitBatch(batch);
                    batch.Clear();
                }
            }
        }
        catch (Exception fatal)
        {
            // CommitBatch reports its own failures, so this is a bug or exhaustion; callers must
            // not wait forever for a loop that is gone, and later writes must be refused.
            _queue.Writer.TryComplete(fatal);
            foreach (var operation in batch)
            {
                operation.Fail(fatal);
            }

            while (reader.TryRead(out var operation))
            {
                operation.Fail(fatal);
            }
        }
    }

    private void CommitBatch(List<WriteOperation> batch)
    {
        // Timed here, on the loop, with no span: the loop serves many callers at once, so a span
        // would belong to none of their traces. Each caller's own span is around its awaited write.
        var startedAt = _instruments.IsObservingCommits ? Stopwatch.GetTimestamp() : 0;
        try
        {
            Execute(BeginSql);
            foreach (var operation in batch)
            {
                Execute(SavepointSql);
                try
                {
                    operation.Execute(_statements);
                }
                catch (Exception rejection)
                {
                    operation.Reject(rejection);
                    Execute(RollbackToSavepointSql);
                }

                Execute(ReleaseSql);
            }

            Execute(CommitSql);
        }
        catch (Exception failure)
        {
            RollBackQuietly();
            RecordCommit(startedAt, batch.Count, committed: false);
            foreach (var operation in batch)
            {
                operation.Fail(failure);
            }

            return;
        }

        RecordCommit(startedAt, batch.Count, committed: true);
        Interlocked.Increment(ref _committedBatches);
        foreach (var operation in batch)
        {
            operation.Complete();
        }
    }

    private void RecordCommit(long startedAt, int operations, bool committed)
    {
        if (startedAt != 0)
        {
            _instruments.RecordCommit(Stopwatch.GetElapsedTime(startedAt), operations, committed);
        }
    }

    // Stepped directly: the driver's command costs a reader and its bookkeeping, and these run
    // twice per operation and twice per commit, on the one thread every acknowledgement waits for.
    private void Execute(string sql) => _statements.GetRaw(sql).Execute();

    // SQLite's advice for long-lived connections: refresh planner statistics where they have
    // gone stale, once, on the way out.
    private void OptimizeQuietly()
    {
        try
        {
            using var optimize = _connection.CreateCommand();
            optimize.CommandText = "PRAGMA optimize;";
            optimize.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // Stale statistics only cost query plans; closing must still happen.
        }
    }

    private void RollBackQuietly()
    {
        try
        {
            if (_connection.Handle is { } handle && SQLitePCL.raw.sqlite3_get_autocommit(handle) == 0)
            {
                using var rollback = _connection.CreateCommand();
                rollback.CommandText = "ROLLBACK;";
                rollback.ExecuteNonQuery();
            }
        }
        catch (SqliteException)
        {
            // The commit already failed and every caller is told so; a failed rollback leaves
            // SQLite to discard the transaction itself, which it does when it cannot write.
        }
    }
}
