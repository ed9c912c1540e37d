using CustomerEngine.Grains.Runtime.Reminders;
using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Storage.Conformance.Events;
using CustomerEngine.Storage.Customers;
using CustomerEngine.Storage.Events;
using CustomerEngine.Storage.Notifications;
using CustomerEngine.Storage.Postgres.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CustomerEngine.Storage.Postgres.Tests.Hosting;

/// <summary>Registration with dependency injection and the store's life inside a host.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStorageServiceCollectionExtensionsTests : IAsyncLifetime
{
    private TemporaryDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TemporaryDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Every_store_interface_resolves_to_the_one_configured_store()
    {
        var services = new ServiceCollection();
        services.AddPostgresEngineStore(options => options.ConnectionString = _database.ConnectionString);
        await using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<PostgresEngineStore>();

        Assert.Equal(_database.Name, store.DatabaseName);
        Assert.Same(store, provider.GetRequiredService<IEngineStore>());
        Assert.Same(store, provider.GetRequiredService<IEventLog>());
        Assert.Same(store, provider.GetRequiredService<ICustomerIndex>());
        Assert.Same(store, provider.GetRequiredService<IGrainStateStore>());
        Assert.Same(store, provider.GetRequiredService<IReminderTable>());
    }

    [Fact]
    public void Registering_twice_keeps_one_store_one_notification_channel_and_their_two_hosted_services()
    {
        var services = new ServiceCollection();

        services.AddPostgresEngineStore(options => options.ConnectionString = _database.ConnectionString);
        services.AddPostgresEngineStore(options => options.ConnectionString = _database.ConnectionString);

        Assert.Single(services, d => d.ServiceType == typeof(IEngineStore));
        Assert.Single(services, d => d.ServiceType == typeof(PostgresEngineStore));
        Assert.Single(services, d => d.ServiceType == typeof(INodeNotifications));
        Assert.Equal(2, services.Count(d => d.ServiceType == typeof(IHostedService)));
    }

    [Fact]
    public async Task Host_migrates_and_opens_the_store_at_start_and_commits_and_closes_it_at_stop()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddPostgresEngineStore(options => options.ConnectionString = _database.ConnectionString);
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

    [Fact]
    public void A_store_without_a_connection_string_is_refused_when_created()
    {
        var refusal = Assert.Throws<ArgumentException>(() => new PostgresEngineStore(new PostgresStoreOptions()));

        Assert.Contains("connection string", refusal.Message, StringComparison.Ordinal);
    }
}
