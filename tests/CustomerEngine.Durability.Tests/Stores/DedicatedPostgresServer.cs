using CustomerEngine.Storage.Postgres.Tests.Support;

namespace CustomerEngine.Durability.Tests.Stores;

/// <summary>
/// A PostgreSQL server for one test class alone, started when its first PostgreSQL case asks for
/// it and deleted after the class: the outage test stops and starts it, and the other classes
/// must never see that.
/// </summary>
public sealed class DedicatedPostgresServer : IAsyncLifetime
{
    private readonly Lock _gate = new();
    private Task<PostgresServer>? _server;

    public Task<PostgresServer> GetAsync()
    {
        lock (_gate)
        {
            return _server ??= PostgresServer.StartDedicatedAsync();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_server is { IsCompletedSuccessfully: true } started)
        {
            await (await started).DisposeAsync();
        }
    }
}
