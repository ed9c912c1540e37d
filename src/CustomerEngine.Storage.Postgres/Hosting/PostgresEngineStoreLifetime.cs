using Microsoft.Extensions.Hosting;

namespace CustomerEngine.Storage.Postgres.Hosting;

/// <summary>
/// Opens the store (migrating the schema) before any hosted service starts and closes it after
/// all have stopped, so every service can use the store for its whole life and the last writes
/// are committed.
/// </summary>
internal sealed class PostgresEngineStoreLifetime(PostgresEngineStore store) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppedAsync(CancellationToken cancellationToken) => await store.DisposeAsync().ConfigureAwait(false);
}
