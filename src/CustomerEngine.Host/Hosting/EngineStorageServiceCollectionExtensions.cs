using CustomerEngine.Storage.Postgres;
using CustomerEngine.Storage.Sqlite;

namespace CustomerEngine.Host.Hosting;

/// <summary>Chooses the engine's store from configuration: <c>Storage:Provider</c> is <c>Sqlite</c> (the default) or <c>Postgres</c>.</summary>
public static class EngineStorageServiceCollectionExtensions
{
    /// <summary>The configuration key naming the provider.</summary>
    public const string ProviderKey = "Storage:Provider";

    /// <summary>The connection string PostgreSQL is reached with (<c>ConnectionStrings:Engine</c>).</summary>
    public const string ConnectionStringName = "Engine";

    /// <summary>
    /// Registers the configured store. SQLite reads its options from <c>Storage</c>; PostgreSQL
    /// takes <c>ConnectionStrings:Engine</c> and its other options from <c>Storage:Postgres</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The provider is unknown, or PostgreSQL has no connection string: the engine must not start on a store nobody chose.</exception>
    public static IServiceCollection AddEngineStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = configuration[ProviderKey]?.Trim();
        if (string.IsNullOrEmpty(provider) || provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return services.AddSqliteEngineStore(o => configuration.GetSection("Storage").Bind(o));
        }

        if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = configuration.GetConnectionString(ConnectionStringName);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    $"{ProviderKey} is {provider} but ConnectionStrings:{ConnectionStringName} is not set: give it an Npgsql connection string, " +
                    "e.g. ConnectionStrings__Engine=\"Host=localhost;Database=customer_engine;Username=engine;Password=…\".");
            }

            return services.AddPostgresEngineStore(o =>
            {
                configuration.GetSection("Storage:Postgres").Bind(o);
                o.ConnectionString = connectionString;
            });
        }

        throw new InvalidOperationException($"{ProviderKey} is '{provider}', which is not a storage provider: use Sqlite (the default) or Postgres.");
    }
}
