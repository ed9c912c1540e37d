using System.Diagnostics.Metrics;
using CustomerEngine.Grains.Runtime.Reminders;
using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Storage.Customers;
using CustomerEngine.Storage.Erasure;
using CustomerEngine.Storage.Events;
using CustomerEngine.Storage.Sqlite.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Storage.Sqlite;

/// <summary>Registers the SQLite store with dependency injection.</summary>
public static class SqliteStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="SqliteEngineStore"/> as <see cref="IEngineStore"/>, <see cref="IEventLog"/>,
    /// <see cref="ICustomerIndex"/>, <see cref="IGrainStateStore"/>, <see cref="IReminderTable"/> and <see cref="ICustomerErasure"/>, plus a
    /// hosted service that initializes it before any hosted service starts and commits and closes it
    /// after all have stopped.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; runs once, when the store is first resolved.</param>
    public static IServiceCollection AddSqliteEngineStore(this IServiceCollection services, Action<SqliteStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<SqliteStoreOptions>().Configure(configure);
        services.TryAddSingleton(provider => new SqliteEngineStore(provider.GetRequiredService<IOptions<SqliteStoreOptions>>().Value, provider.GetService<IMeterFactory>()));
        services.TryAddSingleton<IEngineStore>(provider => provider.GetRequiredService<SqliteEngineStore>());
        services.TryAddSingleton<IEventLog>(provider => provider.GetRequiredService<SqliteEngineStore>());
        services.TryAddSingleton<ICustomerIndex>(provider => provider.GetRequiredService<SqliteEngineStore>());
        services.TryAddSingleton<IGrainStateStore>(provider => provider.GetRequiredService<SqliteEngineStore>());
        services.TryAddSingleton<IReminderTable>(provider => provider.GetRequiredService<SqliteEngineStore>());
        services.TryAddSingleton<ICustomerErasure>(provider => provider.GetRequiredService<SqliteEngineStore>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SqliteEngineStoreLifetime>());
        return services;
    }
}
