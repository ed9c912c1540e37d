using Npgsql;

namespace CustomerEngine.Storage.Postgres.Tests.Support;

/// <summary>
/// A database of its own on the test run's <see cref="PostgresServer"/>, created empty and dropped
/// on disposal, so every test starts from nothing whatever the others do.
/// </summary>
public sealed class TemporaryDatabase : IAsyncDisposable
{
    private readonly PostgresServer _server;

    private TemporaryDatabase(PostgresServer server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = server.ConnectionStringFor(name);
    }

    public string Name { get; }

    /// <summary>A connection string to this database, as a store would be given.</summary>
    public string ConnectionString { get; }

    /// <summary>Options for a store over this database.</summary>
    public PostgresStoreOptions Options => new() { ConnectionString = ConnectionString };

    /// <summary>Creates an empty database (starting the server on first use).</summary>
    public static async Task<TemporaryDatabase> CreateAsync() => await CreateAsync(await PostgresServer.GetAsync());

    /// <summary>Creates an empty database on <paramref name="server"/> (a dedicated one, say).</summary>
    public static async Task<TemporaryDatabase> CreateAsync(PostgresServer server)
    {
        var database = new TemporaryDatabase(server, $"ce_test_{Guid.NewGuid():N}");
        await using var create = server.Admin.CreateCommand($"CREATE DATABASE {database.Name}");
        await create.ExecuteNonQueryAsync();
        return database;
    }

    /// <summary>A store over this database, not yet initialized.</summary>
    public PostgresEngineStore CreateStore(PostgresStoreOptions? options = null) => new(options ?? Options);

    /// <summary>A store over this database, initialized.</summary>
    public async Task<PostgresEngineStore> OpenStoreAsync(PostgresStoreOptions? options = null)
    {
        var store = CreateStore(options);
        await store.InitializeAsync();
        return store;
    }

    /// <summary>A plain connection to this database, outside any store, as another process would have.</summary>
    public async Task<NpgsqlConnection> OpenConnectionAsync()
    {
        var connection = new NpgsqlConnection(_server.ConnectionStringFor(Name, pooling: false));
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Runs one statement (or several, separated by semicolons) on a plain connection and returns the first column of the first row.</summary>
    public async Task<object?> ExecuteAsync(string sql)
    {
        await using var connection = await OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>Drops the database, ending any connection still open to it.</summary>
    public async ValueTask DisposeAsync()
    {
        await using var drop = _server.Admin.CreateCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
        await drop.ExecuteNonQueryAsync();
    }
}
