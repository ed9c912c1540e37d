namespace CustomerEngine.Storage.Sqlite.Connections;

/// <summary>A read connection borrowed from the pool; disposing gives it back.</summary>
internal readonly struct ReadLease(ReadConnectionPool pool, ReadConnection connection) : IDisposable
{
    public PreparedStatements Statements => connection.Statements;

    public void Dispose() => pool.Return(connection);
}
