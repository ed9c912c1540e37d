using CustomerEngine.Storage.Conformance;

namespace CustomerEngine.Storage.Sqlite.Tests.Support;

/// <summary>A fresh SQLite file for one conformance test, deleted afterwards.</summary>
public sealed class SqliteConformanceStorage : IConformanceStorage
{
    private readonly TemporaryDatabase _database = new();

    /// <inheritdoc />
    public Task<IEngineStore> CreateStoreAsync() => Task.FromResult<IEngineStore>(_database.CreateStore());

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _database.Dispose();
        return ValueTask.CompletedTask;
    }
}
