using CustomerEngine.Storage.Conformance.GrainState;
using CustomerEngine.Storage.Sqlite.Tests.Support;

namespace CustomerEngine.Storage.Sqlite.Tests.Conformance;

/// <summary>Runs the GrainStateStore conformance suite against SQLite, on a fresh file per test.</summary>
public sealed class SqliteGrainStateStoreTests : GrainStateStoreConformance
{
    private readonly TemporaryDatabase _database = new();

    /// <inheritdoc />
    protected override Task<IEngineStore> CreateStoreAsync() => Task.FromResult<IEngineStore>(_database.CreateStore());

    /// <inheritdoc />
    protected override async Task DisposeStoreAsync(IEngineStore store)
    {
        await base.DisposeStoreAsync(store);
        _database.Dispose();
    }
}
