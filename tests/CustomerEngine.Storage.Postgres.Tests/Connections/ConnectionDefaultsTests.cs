using CustomerEngine.Storage.Conformance.Events;
using CustomerEngine.Storage.Postgres.Tests.Support;

namespace CustomerEngine.Storage.Postgres.Tests.Connections;

/// <summary>The store adds its connection settings only where the connection string says nothing.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ConnectionDefaultsTests : IAsyncLifetime
{
    private TemporaryDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TemporaryDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Connections_name_the_engine_unless_the_connection_string_names_them()
    {
        await using var unnamed = await _database.OpenStoreAsync();
        await using var named = await _database.OpenStoreAsync(_database.Options with { ConnectionString = _database.ConnectionString + ";ApplicationName=night-batch" });

        // The writers keep their connections open once they have written.
        await unnamed.AppendAsync([SampleEvents.Event("e1", "s1")]);
        await named.AppendAsync([SampleEvents.Event("e2", "s1")]);

        Assert.InRange((long)(await CountConnectionsAsync("CustomerEngine"))!, 1, 10);
        Assert.InRange((long)(await CountConnectionsAsync("night-batch"))!, 1, 10);
    }

    private async Task<object?> CountConnectionsAsync(string applicationName) =>
        await _database.ExecuteAsync($"SELECT count(*) FROM pg_stat_activity WHERE datname = '{_database.Name}' AND application_name = '{applicationName}'");
}
