using Microsoft.Data.Sqlite;

namespace CustomerEngine.Storage.Sqlite.Connections;

/// <summary>An open read-only connection with its prepared statements.</summary>
internal sealed class ReadConnection(SqliteConnection connection) : IDisposable
{
    public PreparedStatements Statements { get; } = new(connection);

    /// <summary>False when a transaction was left open (say a read failed half way); such a connection is closed, not reused.</summary>
    public bool IsReusable => connection.Handle is { } handle && SQLitePCL.raw.sqlite3_get_autocommit(handle) != 0;

    public void Dispose()
    {
        Statements.Dispose();
        connection.Dispose();
    }
}
