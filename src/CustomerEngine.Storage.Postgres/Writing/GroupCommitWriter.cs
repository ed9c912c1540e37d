using System.Data;
using System.Threading.Channels;
using Npgsql;

namespace CustomerEngine.Storage.Postgres.Writing;

/// <summary>
/// The only code that writes to the database. Callers queue operations; one loop takes everything
/// queued (up to a limit), sends it as one batch of statements in one transaction and commits
/// once, so many writes share one round trip and one flush of the write-ahead log.
/// </summary>
/// <remarks>
/// A write whose statement the server refuses (bad input, a deadlock with another node) aborts
/// the whole PostgreSQL transaction, so the group is then run again one operation per
/// transaction: the refused one fails alone and the others commit. Expected rejections (stale
/// grain-state versions) are not errors and cost no retry.
/// </remarks>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    private const string AppendLockSql = "SELECT pg_advisory_xact_lock($1)";

    // A deadlock or serialization failure says nothing about the write itself: run it again.
    private const int AttemptsOnTransientRefusal = 3;

    // Unbounded is safe: every caller awaits its own operation, so the queue never holds more
    // than one operation per concurrent caller.
    private readonly Channel<WriteOperation> _queue = Channel.CreateUnbounded<WriteOperation>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });

    private readonly NpgsqlDataSource _dataSource;
    private readonly int _maxBatchOperations;
    private readonly Task _loop;
    private NpgsqlConnection? _connection;
    private long _committedBatches;

    public GroupCommitWriter(NpgsqlDataSource dataSource, int maxBatchOperations)
    {
        _dataSource = dataSource;
        _maxBatchOperations = maxBatchOperations;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>How many transactions have committed; fewer than the operations when writes were grouped.</summary>
    public long CommittedBatches => Interlocked.Read(ref _committedBatches);

    public bool IsRunning => !_loop.IsCompleted;

    public Task<TResult> SubmitAsync<TResult>(WriteOperation<TResult> operation)
    {
        if (!_queue.Writer.TryWrite(operation))
        {
            throw new ObjectDisposedException(nameof(PostgresEngineStore), "The PostgreSQL store is closed: the write was not accepted.");
        }

        return operation.Completion;
    }

    /// <summary>Stops accepting writes, commits everything already queued, then closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        await CloseConnectionAsync().ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var group = new List<WriteOperation>(Math.Min(_maxBatchOperations, 4096));
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (group.Count < _maxBatchOperations && reader.TryRead(out var operation))
                {
                    if (!operation.CancelIfRequested())
                    {
                        group.Add(operation);
                    }
                }

                if (group.Count > 0)
                {
                    await CommitAsync(group, attempt: 1).ConfigureAwait(false);
                    group.Clear();
                }
            }
        }
        catch (Exception fatal)
        {
            // CommitAsync reports its own failures, so this is a bug or exhaustion; callers must
            // not wait forever for a loop that is gone, and later writes must be refused.
            _queue.Writer.TryComplete(fatal);
            foreach (var operation in group)
            {
                operation.Fail(fatal);
            }

            while (reader.TryRead(out var operation))
            {
                operation.Fail(fatal);
            }
        }
    }

    private async Task CommitAsync(IReadOnlyList<WriteOperation> group, int attempt)
    {
        try
        {
            await CommitGroupAsync(group).ConfigureAwait(false);
        }
        catch (PostgresException) when (group.Count > 1)
        {
            // The server refused a statement and rolled the whole transaction back: nothing of the
            // group was kept, so running each write alone is safe and isolates the one at fault.
            foreach (var operation in group)
            {
                await CommitAsync([operation], attempt: 1).ConfigureAwait(false);
            }

            return;
        }
        catch (PostgresException refusal) when (refusal.IsTransient && attempt < AttemptsOnTransientRefusal)
        {
            await CommitAsync(group, attempt + 1).ConfigureAwait(false);
            return;
        }
        catch (Exception failure)
        {
            // Anything but a server's refusal (a lost connection, a time-out) may have broken the
            // connection, and may even have happened after the commit reached the server: the
            // callers are told it failed and nothing is retried, since a retry could write twice.
            if (failure is not PostgresException)
            {
                await CloseConnectionAsync().ConfigureAwait(false);
            }

            foreach (var operation in group)
            {
                operation.Fail(failure);
            }

            return;
        }

        Interlocked.Increment(ref _committedBatches);
        foreach (var operation in group)
        {
            operation.Complete();
        }
    }

    private async Task CommitGroupAsync(IReadOnlyList<WriteOperation> group)
    {
        var connection = await OpenConnectionAsync().ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);

        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            var locksAppends = group.Any(operation => operation.AppendsEvents);
            if (locksAppends)
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand(AppendLockSql) { Parameters = { new NpgsqlParameter<long> { TypedValue = AdvisoryLocks.EventAppend } } });
            }

            foreach (var operation in group)
            {
                batch.BatchCommands.Add(operation.CreateCommand());
            }

            // The reader starts on the first result set: the lock's, when there is one.
            await using var results = await batch.ExecuteReaderAsync().ConfigureAwait(false);
            for (var i = 0; i < group.Count; i++)
            {
                if (i > 0 || locksAppends)
                {
                    await NextResultAsync(results).ConfigureAwait(false);
                }

                await group[i].ReadResultAsync(results).ConfigureAwait(false);
            }
        }

        await RunFollowUpsAsync(connection, transaction, group).ConfigureAwait(false);
        await transaction.CommitAsync().ConfigureAwait(false);
    }

    // Rare: only writes that were refused need a second look (which version made them stale), so
    // the common group costs two round trips, the batch and the commit.
    private static async Task RunFollowUpsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<WriteOperation> group)
    {
        var followUps = new List<(WriteOperation Operation, NpgsqlBatchCommand Command)>();
        foreach (var operation in group)
        {
            if (operation.CreateFollowUpCommand() is { } command)
            {
                followUps.Add((operation, command));
            }
        }

        if (followUps.Count == 0)
        {
            return;
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var (_, command) in followUps)
        {
            batch.BatchCommands.Add(command);
        }

        await using var results = await batch.ExecuteReaderAsync().ConfigureAwait(false);
        for (var i = 0; i < followUps.Count; i++)
        {
            if (i > 0)
            {
                await NextResultAsync(results).ConfigureAwait(false);
            }

            await followUps[i].Operation.ReadFollowUpAsync(results).ConfigureAwait(false);
        }
    }

    private static async Task NextResultAsync(NpgsqlDataReader results)
    {
        if (!await results.NextResultAsync().ConfigureAwait(false))
        {
            throw new InvalidOperationException("A write statement returned no result set: every operation's statement must return rows.");
        }
    }

    private async ValueTask<NpgsqlConnection> OpenConnectionAsync()
    {
        if (_connection is { State: ConnectionState.Open } open)
        {
            return open;
        }

        // A connection the server dropped (a restart, a fail-over) is replaced, not reused.
        await CloseConnectionAsync().ConfigureAwait(false);
        _connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
        return _connection;
    }

    private async ValueTask CloseConnectionAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
