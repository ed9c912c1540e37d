using CustomerEngine.Storage.Conformance.Reminders;
using CustomerEngine.Storage.Postgres.Tests.Support;

namespace CustomerEngine.Storage.Postgres.Tests.Conformance;

/// <summary>Runs the ReminderTable conformance suite against PostgreSQL, on a database of its own per test.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresReminderTableTests : ReminderTableConformance
{
    private TemporaryDatabase? _database;

    /// <inheritdoc />
    protected override async Task<IEngineStore> CreateStoreAsync()
    {
        _database = await TemporaryDatabase.CreateAsync();
        return _database.CreateStore();
    }

    /// <inheritdoc />
    protected override async Task DisposeStoreAsync(IEngineStore store)
    {
        await base.DisposeStoreAsync(store);
        if (_database is { } database)
        {
            await database.DisposeAsync();
        }
    }
}
