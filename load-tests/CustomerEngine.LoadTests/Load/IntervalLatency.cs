namespace CustomerEngine.LoadTests.Load;

/// <summary>The latency of one interval of a run.</summary>
/// <param name="FromSeconds">Where the interval starts, in seconds after the warm-up.</param>
/// <param name="Count">Samples recorded in it.</param>
/// <param name="LatencyMs">Their percentiles.</param>
public sealed record IntervalLatency(double FromSeconds, long Count, LatencySummary LatencyMs);
