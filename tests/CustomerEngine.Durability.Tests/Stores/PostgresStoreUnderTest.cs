using CustomerEngine.Storage;
using CustomerEngine.Storage.Postgres.Tests.Support;

namespace CustomerEngine.Durability.Tests.Stores;

/// <summary>A new database on the test class's own PostgreSQL server, dropped afterwards.</summary>
public sealed class PostgresStoreUnderTest : EngineStoreUnderTest
{
    private readonly PostgresServer _server;
    private readonly TemporaryDatabase _database;

    private PostgresStoreUnderTest(PostgresServer server, TemporaryDatabase database)
    {
        _server = server;
        _database = database;
    }

    public override StorageProvider Provider => StorageProvider.Postgres;

    protected override IReadOnlyList<string> StoreSettings => ["--Storage:Provider=Postgres", $"--ConnectionStrings:Engine={_database.ConnectionString}"];

    public static async Task<PostgresStoreUnderTest> CreateAsync(PostgresServer server) => new(server, await TemporaryDatabase.CreateAsync(server));

    public override async Task<T> ReadAsync<T>(Func<IEngineStore, Task<T>> read)
    {
        await using var store = await _database.OpenStoreAsync();
        return await read(store);
    }

    public override IStoreOutage CreateOutage() => new PostgresShutdown(_server);

    public override ValueTask DisposeAsync() => _database.DisposeAsync();
}
