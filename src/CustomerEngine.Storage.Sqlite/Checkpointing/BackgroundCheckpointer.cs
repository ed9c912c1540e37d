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
    private readonly Task _loop;

    public BackgroundCheckpointer(SqliteConnection connection, TimeSpan interval)
    {
        _connection = connection;
        _interval = interval;
        _loop = Task.Factory.StartNew(Run, TaskCreationOptions.LongRunning);
    }

    private void Run()
    {
        using var checkpoint = _connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        while (!_stop.Token.WaitHandle.WaitOne(_interval))
        {
            try
            {
                checkpoint.ExecuteNonQuery();
            }
            catch (SqliteException)
            {
                // Busy or interrupted: the next round, or the writer's own bound, catches up.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _connection.Dispose();
        _stop.Dispose();
    }
}
