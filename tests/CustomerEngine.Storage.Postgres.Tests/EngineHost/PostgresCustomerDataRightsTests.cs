using System.Text;
using CustomerEngine.Host.Scenarios.DataRights;
using CustomerEngine.Storage.Postgres.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace CustomerEngine.Storage.Postgres.Tests.EngineHost;

/// <summary>Runs the data-rights scenarios on the engine over PostgreSQL, on a database of its own per test.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCustomerDataRightsTests : CustomerDataRightsScenarios
{
    private TemporaryDatabase? _database;

    private TemporaryDatabase Database => _database ?? throw new InvalidOperationException("The database is created before each test.");

    /// <inheritdoc />
    protected override async Task CreateStorageAsync() => _database = await TemporaryDatabase.CreateAsync();

    /// <inheritdoc />
    protected override WebApplicationFactory<Program> CreateEngine() => new EngineOnPostgresFactory(Database.ConnectionString);

    /// <inheritdoc />
    protected override async Task<bool> StorageHoldsAsync(string text)
    {
        // Every table the engine created, whole rows as text; bytea columns read as hex there.
        await using var connection = await Database.OpenConnectionAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("events", tables);
        var hex = Convert.ToHexStringLower(Encoding.UTF8.GetBytes(text));
        foreach (var table in tables)
        {
            await using var search = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM \"{table}\" AS row WHERE strpos(row::text, $1) > 0 OR strpos(row::text, $2) > 0)", connection);
            search.Parameters.Add(new NpgsqlParameter<string> { TypedValue = text });
            search.Parameters.Add(new NpgsqlParameter<string> { TypedValue = hex });
            if ((bool)(await search.ExecuteScalarAsync())!)
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    protected override async Task DeleteStorageAsync()
    {
        if (_database is { } database)
        {
            await database.DisposeAsync();
        }
    }
}
