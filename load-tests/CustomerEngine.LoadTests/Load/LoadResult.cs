namespace CustomerEngine.LoadTests.Load;

/// <summary>The result of a run, written as JSON with <c>--out</c>.</summary>
public sealed record LoadResult(
    string Scenario,
    int? Rate,
    double DurationSeconds,
    long Sent,
    long Errors,
    double ThroughputPerSecond,
    LatencySummary LatencyMs,
    int BatchSize,
    int Requests);
