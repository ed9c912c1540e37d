using CustomerEngine.Storage.Conformance;

namespace CustomerEngine.Storage.Postgres.Tests.Support;

/// <summary>A database of its own on the shared test server for one conformance test, dropped afterwards.</summary>
public sealed class PostgresConformanceStorage : IConformanceStorage
{
    private TemporaryDatabase? _database;

    /// <inheritdoc />
    public async Task<IEngineStore> CreateStoreAsync()
    {
        _database = await TemporaryDatabase.CreateAsync();
        return _database.CreateStore();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_database is { } database)
        {
            await database.DisposeAsync();
        }
    }
}
