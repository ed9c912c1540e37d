using System.Globalization;

namespace CustomerEngine.LoadTests.Load;

/// <summary>Command-line options shared by the scenarios.</summary>
public sealed record LoadOptions(
    string Scenario,
    Uri? Target,
    int? Rate,
    TimeSpan Duration,
    TimeSpan Warmup,
    int Customers,
    int Stores,
    int Concurrency,
    int BatchSize,
    int Seed,
    string? Out,
    string ApiKey,
    int Dashboards,
    string Storage = "sqlite",
    string? Connection = null)
{
    public static LoadOptions Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException("usage: <ingest|baseline|memory|push|campaigns|append> [--target URL] [--rate EVENTS_PER_S] [--duration 30s] [--warmup 5s] [--customers N] [--stores N] [--concurrency N] [--batch N] [--seed N] [--out FILE] [--api-key KEY] [--dashboards N] [--storage sqlite|postgres --connection CONNECTION_STRING]; push and campaigns default to --rate 2000 --customers 10000");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length - 1; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        string? Get(string name) => values.GetValueOrDefault(name);
        int Int(string name, int fallback) => Get(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

        // Push latency is only meaningful against a fixed rate, and its target is a store-sized base.
        var push = args[0] is "push" or "campaigns";
        return new LoadOptions(
            args[0],
            Get("target") is { } t ? new Uri(t) : null,
            Get("rate") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : push ? 2_000 : null,
            ParseDuration(Get("duration") ?? "30s"),
            ParseDuration(Get("warmup") ?? "5s"),
            Int("customers", push ? 10_000 : 100_000),
            Int("stores", 50),
            Int("concurrency", 8),
            Int("batch", 100),
            Int("seed", 42),
            Get("out"),
            Get("api-key") ?? (push ? "demo-admin-key" : "demo-ingest-key"),
            Int("dashboards", 50),
            StorageOf(Get("storage"), Get("connection")),
            Get("connection"));
    }

    // The in-process engine's store: a fresh SQLite file, or an existing PostgreSQL database.
    private static string StorageOf(string? storage, string? connection) => storage?.ToLowerInvariant() switch
    {
        null or "sqlite" => "sqlite",
        "postgres" when connection is not null => "postgres",
        "postgres" => throw new ArgumentException("--storage postgres needs --connection \"Host=…;Database=…;Username=…\" (the database must exist)"),
        _ => throw new ArgumentException($"unknown --storage '{storage}': use sqlite or postgres"),
    };

    private static TimeSpan ParseDuration(string text) => text[^1] switch
    {
        's' => TimeSpan.FromSeconds(double.Parse(text[..^1], CultureInfo.InvariantCulture)),
        'm' => TimeSpan.FromMinutes(double.Parse(text[..^1], CultureInfo.InvariantCulture)),
        _ => TimeSpan.FromSeconds(double.Parse(text, CultureInfo.InvariantCulture)),
    };
}
