using System.Collections.Concurrent;

namespace CustomerEngine.Storage.Sqlite.Connections;

/// <summary>
/// Open read connections shared by concurrent readers. WAL gives each reader its own snapshot, so
/// reads never wait for the writer; reusing connections keeps their statements compiled.
/// </summary>
internal sealed class ReadConnectionPool(DatabaseFile file, int maxIdleConnections) : IDisposable
{
    private readonly ConcurrentBag<ReadConnection> _idle = [];
    private int _idleCount;
    private volatile bool _disposed;

    public ReadLease Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, typeof(SqliteEngineStore));
        if (_idle.TryTake(out var connection))
        {
            Interlocked.Decrement(ref _idleCount);
            return new ReadLease(this, connection);
        }

        return new ReadLease(this, new ReadConnection(file.OpenReader()));
    }

    public void Return(ReadConnection connection)
    {
        if (_disposed || !connection.IsReusable)
        {
            connection.Dispose();
            return;
        }

        if (Interlocked.Increment(ref _idleCount) > maxIdleConnections)
        {
            Interlocked.Decrement(ref _idleCount);
            connection.Dispose();
            return;
        }

        _idle.Add(connection);

        // A return racing with Dispose could otherwise leave an open connection behind.
        if (_disposed)
        {
            CloseIdle();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        CloseIdle();
    }

    private void CloseIdle()
    {
        while (_idle.TryTake(out var connection))
        {
            Interlocked.Decrement(ref _idleCount);
            connection.Dispose();
        }
    }
}
