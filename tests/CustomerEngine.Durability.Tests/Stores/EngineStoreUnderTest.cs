using CustomerEngine.Storage;

namespace CustomerEngine.Durability.Tests.Stores;

/// <summary>
/// A fresh, empty store of one provider for a host under test, the settings that put a host on it,
/// and the provider's own classes to read it directly, as an auditor would.
/// </summary>
public abstract class EngineStoreUnderTest : IAsyncDisposable
{
    // Settings every host of these tests runs with, on top of the store's.
    private static readonly string[] CommonSettings =
    [
        // A nightly value-model fit falling due mid-test would change the views being compared.
        "--ValueModels:ScheduledFits=false",

        // Information logs cost CPU under load; warnings and errors are what a failure needs.
        "--Logging:LogLevel:Default=Warning",
    ];

    public abstract StorageProvider Provider { get; }

    /// <summary>Command-line settings for a host on this store, plus <paramref name="extra"/>.</summary>
    public IReadOnlyList<string> HostSettings(params string[] extra) => [.. StoreSettings, .. CommonSettings, .. extra];

    /// <summary>Settings an outage test adds, so that a refused write is answered well within the outage.</summary>
    public virtual IReadOnlyList<string> OutageSettings => [];

    protected abstract IReadOnlyList<string> StoreSettings { get; }

    public static async Task<EngineStoreUnderTest> CreateAsync(StorageProvider provider, DedicatedPostgresServer postgres) => provider switch
    {
        StorageProvider.Sqlite => new SqliteStoreUnderTest(),
        StorageProvider.Postgres => await PostgresStoreUnderTest.CreateAsync(await postgres.GetAsync()),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    /// <summary>Opens the store with the provider's classes, runs <paramref name="read"/> and closes it. For SQLite, call it only while no host has the file open.</summary>
    public abstract Task<T> ReadAsync<T>(Func<IEngineStore, Task<T>> read);

    /// <summary>A way to make this store unreachable for a running host, and reachable again.</summary>
    public abstract IStoreOutage CreateOutage();

    public abstract ValueTask DisposeAsync();
}
