using CustomerEngine.Storage.Postgres.Tests.Support;

namespace CustomerEngine.Storage.Postgres.Tests.EngineHost;

/// <summary>Two engines started over one fresh PostgreSQL database, as two nodes behind a load balancer.</summary>
public sealed class EnginePair : IAsyncDisposable
{
    private readonly TemporaryDatabase _database;

    private EnginePair(TemporaryDatabase database, IReadOnlyDictionary<string, string>? settings)
    {
        _database = database;
        First = new EngineOnPostgresFactory(database.ConnectionString, settings: settings);
        Second = new EngineOnPostgresFactory(database.ConnectionString, settings: settings);
        OnFirst = First.CreateClient();
        OnSecond = Second.CreateClient();
    }

    public EngineOnPostgresFactory First { get; }

    /// <summary>The database both engines use.</summary>
    public string ConnectionString => _database.ConnectionString;

    public EngineOnPostgresFactory Second { get; }

    public HttpClient OnFirst { get; }

    public HttpClient OnSecond { get; }

    /// <summary>Starts the first engine, then the second, both with <paramref name="settings"/>.</summary>
    public static async Task<EnginePair> StartAsync(IReadOnlyDictionary<string, string>? settings = null) =>
        new(await TemporaryDatabase.CreateAsync(), settings);

    public void Deconstruct(out EngineOnPostgresFactory first, out EngineOnPostgresFactory second, out HttpClient onFirst, out HttpClient onSecond) =>
        (first, second, onFirst, onSecond) = (First, Second, OnFirst, OnSecond);

    public async ValueTask DisposeAsync()
    {
        await Second.DisposeAsync();
        await First.DisposeAsync();
        await _database.DisposeAsync();
    }
}
