using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CustomerEngine.Storage.Sqlite.Connections;

/// <summary>The database file and how connections to it are opened and configured.</summary>
internal sealed class DatabaseFile
{
    private readonly string _connectionString;
    private readonly int _busyTimeoutMilliseconds;

    public DatabaseFile(string path, TimeSpan busyTimeout)
    {
        FullPath = System.IO.Path.GetFullPath(path);
        _busyTimeoutMilliseconds = (int)Math.Clamp(busyTimeout.TotalMilliseconds, 0, int.MaxValue);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            // The store keeps its own connections open for their whole life (so prepared statements
            // survive); the driver's pool would only keep file handles open after disposal.
            Pooling = false,
            // The driver retries a busy database until this many seconds have passed, on top of SQLite's own busy timeout.
            DefaultTimeout = (int)Math.Ceiling(Math.Max(busyTimeout.TotalSeconds, 1)),
        }.ToString();
    }

    public string FullPath { get; }

    /// <summary>Opens the one connection that writes, creating the folder and the file when missing.</summary>
    public SqliteConnection OpenWriter(bool fullSync)
    {
        var directory = System.IO.Path.GetDirectoryName(FullPath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connection = Open();
        try
        {
            // WAL lets readers run while the writer commits, and makes a commit one sequential append.
            var journalMode = Convert.ToString(ExecuteScalar(connection, "PRAGMA journal_mode = WAL;"), CultureInfo.InvariantCulture);
            if (!string.Equals(journalMode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"SQLite refused write-ahead logging for {FullPath} (journal mode is '{journalMode}').");
            }

            ExecuteScalar(connection, fullSync ? "PRAGMA synchronous = FULL;" : "PRAGMA synchronous = NORMAL;");

            // The WAL file keeps its largest size after a checkpoint; a burst of ingestion
            // should not leave gigabytes behind.
            ExecuteScalar(connection, "PRAGMA journal_size_limit = 67108864;");

            // Index maintenance touches random pages (event ids, customer ids); with SQLite's
            // default 2 MiB cache most of those touches miss and the single writer stalls.
            ExecuteScalar(connection, "PRAGMA cache_size = -65536;");

            // Every operation of a group commit runs in its own savepoint, and SQLite keeps the
            // pages a savepoint may have to restore in a temporary file by default: a file created,
            // written and deleted for every commit, which wrote more than the log itself. In
            // memory it holds the pages of one operation at a time and is never durable anyway.
            ExecuteScalar(connection, "PRAGMA temp_store = MEMORY;");

            // The background checkpointer copies the log back; this only bounds the log (about
            // 80 MiB of 4 KiB pages) for when that loop falls behind a burst.
            ExecuteScalar(connection, "PRAGMA wal_autocheckpoint = 20000;");

            // Zeroes content that is deleted or moved: without it, an erased customer's rows stay
            // readable in free space, and even rows never deleted leave stale copies behind when
            // pages split. Turning it on only for an erasure is too late for the copies.
            ExecuteScalar(connection, "PRAGMA secure_delete = ON;");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Opens the connection that runs checkpoints; it needs the same durability setting as the writer.</summary>
    public SqliteConnection OpenCheckpointer(bool fullSync)
    {
        var connection = Open();
        ExecuteScalar(connection, fullSync ? "PRAGMA synchronous = FULL;" : "PRAGMA synchronous = NORMAL;");
        return connection;
    }

    /// <summary>Opens a connection for reads; it refuses writes so that only the writer ever changes the file.</summary>
    public SqliteConnection OpenReader()
    {
        var connection = Open();
        try
        {
            ExecuteScalar(connection, "PRAGMA query_only = ON;");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            ExecuteScalar(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {_busyTimeoutMilliseconds};"));
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static object? ExecuteScalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
