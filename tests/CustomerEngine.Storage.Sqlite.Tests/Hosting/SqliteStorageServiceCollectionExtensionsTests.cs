using CustomerEngine.Grains.Runtime.Reminders;
using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Storage.Conformance.Events;
using CustomerEngine.Storage.Customers;
using CustomerEngine.Storage.Events;
using CustomerEngine.Storage.Sqlite.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CustomerEngine.Storage.Sqlite.Tests.Hosting;

/// <summary>Registration with dependency injection and the store's life inside a host.</summary>
public sealed class SqliteStorageServiceCollectionExtensionsTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Every_store_interface_resolves_to_the_one_configured_store()
    {
        var services = new ServiceCollection();
        services.AddSqliteEngineStore(options => options.Path = _database.Path);
        await using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<SqliteEngineStore>();

        Assert.Equal(_database.Path, store.DatabasePath);
        Assert.Same(store, provider.GetRequiredService<IEngineStore>());
        Assert.Same(store, provider.GetRequiredService<IEventLog>());
        Assert.Same(store, provider.GetRequiredService<ICustomerIndex>());
        Assert.Same(store, provider.GetRequiredService<IGrainStateStore>());
        Assert.Same(store, provider.GetRequiredService<IReminderTable>());
    }

    [Fact]
    public void Registering_twice_keeps_one_store_and_one_hosted_service()
    {
        var services = new ServiceCollection();

        services.AddSqliteEngineStore(options => options.Path = _database.Path);
        services.AddSqliteEngineStore(options => options.Path = _database.Path);

        Assert.Single(services, d => d.ServiceType == typeof(IEngineStore));
        Assert.Single(services, d => d.ServiceType == typeof(SqliteEngineStore));
        Assert.Single(services, d => d.ServiceType == typeof(IHostedService));
    }

    [Fact]
    public async Task Host_opens_the_store_at_start_and_commits_and_closes_it_at_stop()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSqliteEngineStore(options => options.Path = _database.Path);
        using var host = builder.Build();
        var log = host.Services.GetRequiredService<IEventLog>();

        await host.StartAsync();
        await log.AppendAsync([SampleEvents.Event("e1", "s1")]);
        var queuedAtStop = log.AppendAsync([SampleEvents.Event("e2", "s1")]);
        await host.StopAsync();

        Assert.False((await queuedAtStop)[0].IsDuplicate);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => log.AppendAsync([SampleEvents.Event("e3", "s1")]));
        await using var reopened = await _database.OpenStoreAsync();
        Assert.Equal(2, await reopened.CountAsync());
    }
}
