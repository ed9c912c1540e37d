using CustomerEngine.Storage.Conformance;

namespace CustomerEngine.Storage.Sqlite.Tests.Support;

/// <summary>
/// A fresh SQLite file for one conformance test, deleted afterwards. With a
/// <paramref name="streamIndexBatchEvents"/> of a few events, most reads find their events through
/// the stream index rather than the in-memory tail of the newest events.
/// </summary>
public sealed class SqliteConformanceStorage(int? streamIndexBatchEvents = null) : IConformanceStorage
{
    private readonly TemporaryDatabase _database = new();

    /// <inheritdoc />
    public Task<IEngineStore> CreateStoreAsync() => Task.FromResult<IEngineStore>(_database.CreateStore(
        streamIndexBatchEvents is { } batch ? _database.Options with { StreamIndexBatchEvents = batch } : null));

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _database.Dispose();
        return ValueTask.CompletedTask;
    }
}
