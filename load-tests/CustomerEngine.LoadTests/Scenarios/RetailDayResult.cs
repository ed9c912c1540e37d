using CustomerEngine.LoadTests.Load;

namespace CustomerEngine.LoadTests.Scenarios;

/// <summary>
/// retail-day's result: the common fields describe the posts (latency of the <c>202</c>; errors
/// are failed posts plus events no dashboard heard of within the drain), the rest the dashboards.
/// </summary>
public record RetailDayResult : LoadResult
{
    public RetailDayResult(LoadResult ingest)
        : base(ingest)
    {
    }

    public int Customers { get; init; }

    public int Stores { get; init; }

    public int Dashboards { get; init; }

    /// <summary>Event → first push at a dashboard that reflects it (<c>CustomerArrived</c>/<c>CustomerUpdated</c>/<c>CustomerLeft</c>).</summary>
    public LatencySummary PushLatencyMs { get; init; } = new(0, 0, 0, 0);

    public int PushesMeasured { get; init; }

    /// <summary>Events not timed because their customer had another batch in flight.</summary>
    public long PushesUnmeasured { get; init; }

    /// <summary>Events in watched stores that got no push within the drain (also counted in <see cref="LoadResult.Errors"/>).</summary>
    public int PushesMissing { get; init; }

    /// <summary>Store entry → the <c>SuggestionsUpdated</c> it forces, at a dashboard of the store.</summary>
    public LatencySummary SuggestionsPushLatencyMs { get; init; } = new(0, 0, 0, 0);

    public int SuggestionsPushesMeasured { get; init; }

    /// <summary>Every <c>SuggestionsUpdated</c> the dashboards received in the measured period, timed or not.</summary>
    public long SuggestionsPushesReceived { get; init; }

    /// <summary>
    /// Awaited entries with no <c>SuggestionsUpdated</c> at their store within the drain. Not an
    /// error: when a customer's next change comes while the entry's push is still queued, the
    /// publisher sends only the latest, and if that customer has left by then it goes to the
    /// customer's watchers, not to the store.
    /// </summary>
    public int SuggestionsPushesMissing { get; init; }

    /// <summary>What the ingest and push measurements say together.</summary>
    public static RetailDayResult Of(PushRun run, LoadOptions options) => new(run.Ingest with { Errors = run.Ingest.Errors + run.PushesMissing })
    {
        Customers = options.Customers,
        Stores = options.Stores,
        Dashboards = options.Dashboards,
        PushLatencyMs = run.Push,
        PushesMeasured = run.PushesMeasured,
        PushesUnmeasured = run.PushesUnmeasured,
        PushesMissing = run.PushesMissing,
        SuggestionsPushLatencyMs = run.Suggestions ?? new(0, 0, 0, 0),
        SuggestionsPushesMeasured = run.SuggestionsMeasured,
        SuggestionsPushesReceived = run.SuggestionsReceived,
        SuggestionsPushesMissing = run.SuggestionsMissing,
    };
}
