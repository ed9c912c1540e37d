using Microsoft.Data.Sqlite;

namespace CustomerEngine.Storage.Sqlite.Checkpointing;

/// <summary>
/// Copies committed pages from the write-ahead log back into the database file on its own
/// connection and thread. Left to SQLite's automatic checkpoint, that copy and its flush run
/// inside a commit of the single writer, which then stalls every waiting caller for the whole
/// copy; here the writer only appends. A passive checkpoint never blocks the writer, and the
/// writer keeps a (much larger) automatic checkpoint as a bound on the log's size for when this
/// loop falls behind.
/// </summary>
internal sealed class BackgroundCheckpointer : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly TimeSpan _interval;
    private readonly CancellationTokenSource _stop = new();
    private readonly AutoResetEvent _truncationRequested = new(initialState: false);
    private readonly Lock _waitersLock = new();
    private readonly Task _loop;
    private List<TaskCompletionSource>? _truncationWaiters;

    public BackgroundCheckpointer(SqliteConnection connection, TimeSpan interval)
    {
        _connection = connection;
        _interval = interval;
        _loop = Task.Factory.StartNew(Run, TaskCreationOptions.LongRunning);
    }

    /// <summary>
    /// Completes once every page committed before the call is in the database file and the log
    /// has been truncated to nothing. Rows deleted since (an erasure) then survive nowhere: the
    /// log's older frames held them as they were. It waits for readers on older snapshots, and
    /// writers wait for it, so it is for rare moments only.
    /// </summary>
    public Task TruncateLogAsync(CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waitersLock)
        {
            ObjectDisposedException.ThrowIf(_stop.IsCancellationRequested, typeof(SqliteEngineStore));
            (_truncationWaiters ??= []).Add(waiter);
        }

        _truncationRequested.Set();
        return waiter.Task.WaitAsync(cancellationToken);
    }

    private void Run()
    {
        using var passive = _connection.CreateCommand();
        passive.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        using var truncate = _connection.CreateCommand();
        truncate.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        WaitHandle[] wakeUps = [_stop.Token.WaitHandle, _truncationRequested];
        while (WaitHandle.WaitAny(wakeUps, _interval) != 0)
        {
            List<TaskCompletionSource>? waiters;
            lock (_waitersLock)
            {
                waiters = _truncationWaiters;
                _truncationWaiters = null;
            }

            try
            {
                if (waiters is null)
                {
                    passive.ExecuteNonQuery();
                }
                else if (Truncated(truncate))
                {
                    waiters.ForEach(waiter => waiter.TrySetResult());
                    waiters = null;
                }
            }
            catch (SqliteException)
            {
                // Busy or interrupted: the next round, or the writer's own bound, catches up.
            }

            if (waiters is not null)
            {
                // A reader held an older snapshot past the busy timeout: try again next round.
                lock (_waitersLock)
                {
                    (_truncationWaiters ??= []).AddRange(waiters);
                }
            }
        }

        lock (_waitersLock)
        {
            _truncationWaiters?.ForEach(waiter => waiter.TrySetException(new ObjectDisposedException(nameof(SqliteEngineStore), "The SQLite store closed before the log was truncated.")));
            _truncationWaiters = null;
        }
    }

    // The first column of the result is 1 when the checkpoint could not finish (SQLITE_BUSY).
    private static bool Truncated(SqliteCommand truncate)
    {
        using var result = truncate.ExecuteReader();
        return result.Read() && result.GetInt64(0) == 0;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _connection.Dispose();
        _truncationRequested.Dispose();
        _stop.Dispose();
    }
}
