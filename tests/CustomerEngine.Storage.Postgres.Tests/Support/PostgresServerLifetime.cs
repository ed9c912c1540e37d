namespace CustomerEngine.Storage.Postgres.Tests.Support;

/// <summary>The fixture of <see cref="PostgresCollection"/>: starting the server here fails every test of the collection with its reason (PostgreSQL not installed, say).</summary>
public sealed class PostgresServerLifetime : IAsyncLifetime
{
    public async Task InitializeAsync() => await PostgresServer.GetAsync();

    public Task DisposeAsync() => PostgresServer.StopAsync();
}
