using CustomerEngine.Grains.Runtime.Reminders;
using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Storage.Customers;
using CustomerEngine.Storage.Erasure;
using CustomerEngine.Storage.Events;
using CustomerEngine.Storage.Notifications;
using CustomerEngine.Storage.Postgres.Hosting;
using CustomerEngine.Storage.Postgres.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Storage.Postgres;

/// <summary>Registers the PostgreSQL store with dependency injection.</summary>
public static class PostgresStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="PostgresEngineStore"/> as <see cref="IEngineStore"/>, <see cref="IEventLog"/>,
    /// <see cref="ICustomerIndex"/>, <see cref="IGrainStateStore"/>, <see cref="IReminderTable"/> and <see cref="ICustomerErasure"/>, plus a
    /// hosted service that initializes it (migrating the schema) before any hosted service starts
    /// and commits and closes it after all have stopped, and <see cref="INodeNotifications"/> over the
    /// same database for nodes that share it.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; runs once, when the store is first resolved.</param>
    public static IServiceCollection AddPostgresEngineStore(this IServiceCollection services, Action<PostgresStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<PostgresStoreOptions>().Configure(configure);
        services.TryAddSingleton(provider => new PostgresEngineStore(provider.GetRequiredService<IOptions<PostgresStoreOptions>>().Value));
        services.TryAddSingleton<IEngineStore>(provider => provider.GetRequiredService<PostgresEngineStore>());
        services.TryAddSingleton<IEventLog>(provider => provider.GetRequiredService<PostgresEngineStore>());
        services.TryAddSingleton<ICustomerIndex>(provider => provider.GetRequiredService<PostgresEngineStore>());
        services.TryAddSingleton<IGrainStateStore>(provider => provider.GetRequiredService<PostgresEngineStore>());
        services.TryAddSingleton<IReminderTable>(provider => provider.GetRequiredService<PostgresEngineStore>());
        services.TryAddSingleton<ICustomerErasure>(provider => provider.GetRequiredService<PostgresEngineStore>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PostgresEngineStoreLifetime>());

        // Nodes sharing the database hear each other through it; started after the store migrated.
        // Registered once however often this is called, like the store's own hosted service.
        if (!services.Any(descriptor => descriptor.ServiceType == typeof(PostgresNodeNotifications)))
        {
            services.AddSingleton(provider => new PostgresNodeNotifications(
                provider.GetRequiredService<IOptions<PostgresStoreOptions>>().Value, provider.GetRequiredService<ILogger<PostgresNodeNotifications>>()));
            services.TryAddSingleton<INodeNotifications>(provider => provider.GetRequiredService<PostgresNodeNotifications>());
            services.AddHostedService(provider => provider.GetRequiredService<PostgresNodeNotifications>());
        }

        return services;
    }
}
