namespace CustomerEngine.Storage.Postgres.Tests.Support;

/// <summary>Three stores opened over one fresh database, as three engine processes would; a test class per use.</summary>
public abstract class StoresOverOneDatabase : IAsyncLifetime
{
    private TemporaryDatabase _database = null!;

    /// <summary>The stores, each with its own connections and writer.</summary>
    protected PostgresEngineStore[] Nodes { get; private set; } = [];

    public async Task InitializeAsync()
    {
        _database = await TemporaryDatabase.CreateAsync();
        Nodes = [await _database.OpenStoreAsync(), await _database.OpenStoreAsync(), await _database.OpenStoreAsync()];
    }

    public async Task DisposeAsync()
    {
        foreach (var node in Nodes)
        {
            await node.DisposeAsync();
        }

        await _database.DisposeAsync();
    }
}
