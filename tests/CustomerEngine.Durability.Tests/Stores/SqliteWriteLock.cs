using Microsoft.Data.Sqlite;

namespace CustomerEngine.Durability.Tests.Stores;

/// <summary>
/// SQLite's outage: another process holds the database's write lock (a backup tool, a <c>sqlite3</c>
/// shell left in a transaction). The host can still read, but cannot commit anything.
/// </summary>
public sealed class SqliteWriteLock(string databasePath) : IStoreOutage
{
    private SqliteConnection? _connection;
    private SqliteTransaction? _transaction;

    public string Description => "another process holding the SQLite write lock (BEGIN IMMEDIATE)";

    public async Task BeginAsync()
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,

            // The host's writer commits all the time; wait for a gap between its commits.
            DefaultTimeout = 60,
        }.ToString());
        await _connection.OpenAsync();

        // Not deferred: BEGIN IMMEDIATE takes the write lock now, which in WAL mode shuts out every other writer.
        _transaction = _connection.BeginTransaction(deferred: false);
    }

    public Task EndAsync()
    {
        Release();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Release();
        return ValueTask.CompletedTask;
    }

    private void Release()
    {
        _transaction?.Rollback();
        _transaction?.Dispose();
        _transaction = null;
        _connection?.Dispose();
        _connection = null;
    }
}
