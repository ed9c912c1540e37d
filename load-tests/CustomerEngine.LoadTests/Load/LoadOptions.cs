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
    /// <summary>The scenarios, in the order the usage lists them.</summary>
    public static readonly IReadOnlyList<string> Scenarios = ["ingest", "baseline", "push", "retail-day", "soak", "overload", "campaigns", "append", "memory"];

    public const string Usage = """
        usage: <scenario> [--target URL] [--rate EVENTS_PER_S] [--duration 30s] [--warmup 5s] [--customers N] [--stores N]
                          [--concurrency N] [--batch N] [--seed N] [--out FILE] [--api-key KEY] [--dashboards N]
                          [--storage sqlite|postgres --connection CONNECTION_STRING] [--engine in-process|process]
                          [--drain 5s] [--interval 1m] [--sample-every 5s] [--max-outstanding N] [--factor 3] [--probe 10s]
        scenarios:
          ingest      POST /api/events: closed model (--concurrency clients), or open model with --rate
          baseline    the same batches into bare Kestrel: this machine's HTTP ceiling
          push        --dashboards SignalR dashboards joined to stores; event → first push that reflects it
          retail-day  visits, browsing, baskets, purchases, feedback and complaints across --stores stores with
                      --dashboards dashboards: ingest latency, event → push and store entry → SuggestionsUpdated
          soak        retail-day for a long time (default --duration 30m): memory every --sample-every and the
                      p99 of every --interval (first against last)
          overload    offers --factor × the sustainable rate (measured by a closed-model --probe, or --rate) with at
                      most --max-outstanding requests in flight: accepted, 429s with Retry-After, batches not sent, memory
          campaigns   a campaign on store entries activated and paused in cycles under load
          append      durable appends straight into the store, without HTTP or grains
          memory      managed heap per active customer grain, over --customers grains of 20 interactions each
        With no --target the engine runs in this process over a fresh SQLite file (or --storage postgres);
        --engine process starts it in a process of its own instead (ingest, push, retail-day, soak, overload),
        so the two garbage collectors stay apart; soak and overload then report no engine memory.
        push, retail-day, soak and campaigns default to --rate 2000 --customers 10000; --drain is how long pushes
        are awaited after the load ends; --out FILE writes the result as JSON (printed after the table otherwise).
        """;

    /// <summary>Where an engine the tool starts itself runs: <c>in-process</c> (the default) or <c>process</c>.</summary>
    public string Engine { get; init; } = "in-process";

    /// <summary>After the load, how long events still awaiting a push are waited for before they count as missing.</summary>
    public TimeSpan Drain { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The soak's latency is summarised per interval of this length, to show drift.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How often soak and overload sample memory.</summary>
    public TimeSpan SampleEvery { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>In an open model, requests in flight at most; a batch due beyond it is not sent, and counted.</summary>
    public int MaxOutstanding { get; init; } = 10_000;

    /// <summary>Overload offers this many times the sustainable rate.</summary>
    public double Factor { get; init; } = 3;

    /// <summary>How long overload's closed-model probe for the sustainable rate runs (when no --rate is given).</summary>
    public TimeSpan Probe { get; init; } = TimeSpan.FromSeconds(10);

    public static LoadOptions Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException(Usage);
        }

        if (!Scenarios.Contains(args[0]))
        {
            throw new ArgumentException($"unknown scenario '{args[0]}': use {string.Join(", ", Scenarios)}\n{Usage}");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length - 1; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        string? Get(string name) => values.GetValueOrDefault(name);
        int Int(string name, int fallback) => Get(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        TimeSpan Duration(string name, string fallback) => ParseDuration(Get(name) ?? fallback);

        // Push latency is only meaningful against a fixed rate, and its target is a store-sized base.
        var push = args[0] is "push" or "campaigns" or "retail-day" or "soak";
        var overload = args[0] == "overload";
        return new LoadOptions(
            args[0],
            Get("target") is { } t ? new Uri(t) : null,
            Get("rate") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : push ? 2_000 : null,
            Duration("duration", args[0] == "soak" ? "30m" : "30s"),
            Duration("warmup", "5s"),
            Int("customers", push ? 10_000 : 100_000),
            Int("stores", 50),
            Int("concurrency", 8),
            Int("batch", 100),
            Int("seed", 42),
            Get("out"),
            Get("api-key") ?? (push ? "demo-admin-key" : "demo-ingest-key"),
            Int("dashboards", 50),
            StorageOf(Get("storage"), Get("connection")),
            Get("connection"))
        {
            Engine = EngineOf(args[0], Get("engine"), Get("target")),
            Drain = Duration("drain", "5s"),
            Interval = Duration("interval", "1m"),
            SampleEvery = Duration("sample-every", "5s"),

            // Overload must let more requests reach the engine than its in-flight bound (256 by
            // default), or the engine never has to refuse anything.
            MaxOutstanding = Int("max-outstanding", overload ? 1_024 : 10_000),
            Factor = Get("factor") is { } f ? double.Parse(f, CultureInfo.InvariantCulture) : 3,
            Probe = Duration("probe", "10s"),
        };
    }

    // Only the scenarios that drive an engine over HTTP can run it in a process of their own; the
    // others read its services directly, and --target names an engine someone else started.
    private static string EngineOf(string scenario, string? engine, string? target) => engine switch
    {
        null or "in-process" => "in-process",
        "process" when target is not null => throw new ArgumentException("--engine process starts an engine, so it cannot be given with --target"),
        "process" when scenario is "ingest" or "push" or "retail-day" or "soak" or "overload" => "process",
        "process" => throw new ArgumentException($"--engine process is for ingest, push, retail-day, soak and overload; {scenario} runs the engine in this process"),
        _ => throw new ArgumentException($"unknown --engine '{engine}': use in-process or process"),
    };

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
        'h' => TimeSpan.FromHours(double.Parse(text[..^1], CultureInfo.InvariantCulture)),
        _ => TimeSpan.FromSeconds(double.Parse(text, CultureInfo.InvariantCulture)),
    };
}
