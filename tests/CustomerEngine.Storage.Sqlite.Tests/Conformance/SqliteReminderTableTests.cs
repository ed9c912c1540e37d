using CustomerEngine.Storage.Conformance.Reminders;
using CustomerEngine.Storage.Sqlite.Tests.Support;

namespace CustomerEngine.Storage.Sqlite.Tests.Conformance;

/// <summary>Runs the ReminderTable conformance suite against SQLite, on a fresh file per test.</summary>
public sealed class SqliteReminderTableTests : ReminderTableConformance
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
