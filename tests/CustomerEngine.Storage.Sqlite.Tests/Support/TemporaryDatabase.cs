using Microsoft.Data.Sqlite;

namespace CustomerEngine.Storage.Sqlite.Tests.Support;

/// <summary>A database file in a folder of its own under the temp directory, deleted with the folder.</summary>
public sealed class TemporaryDatabase : IDisposable
{
    private readonly string _directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "customer-engine-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The database file; its folder does not exist until a store creates it.</summary>
    public string Path => System.IO.Path.Combine(_directory, "store", "customer-engine.db");

    /// <summary>Options for a store over this file.</summary>
    public SqliteStoreOptions Options => new() { Path = Path };

    /// <summary>A store over this file, not yet initialized.</summary>
    public SqliteEngineStore CreateStore(SqliteStoreOptions? options = null) => new(options ?? Options);

    /// <summary>A store over this file, initialized.</summary>
    public async Task<SqliteEngineStore> OpenStoreAsync(SqliteStoreOptions? options = null)
    {
        var store = CreateStore(options);
        await store.InitializeAsync();
        return store;
    }

    /// <summary>A plain connection to the file, outside any store, as another process would have.</summary>
    public SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>Deletes the folder and everything in it.</summary>
    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
