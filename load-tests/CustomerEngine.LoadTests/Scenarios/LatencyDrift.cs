using CustomerEngine.LoadTests.Load;

namespace CustomerEngine.LoadTests.Scenarios;

/// <summary>
/// The p99 of each interval of a long run, first against last: a climb is a leak or a queue
/// growing. The last interval is the last complete one (answers that come after the load, while
/// pushes drain, fall into a short interval of their own).
/// </summary>
public sealed record LatencyDrift(
    double IntervalSeconds,
    double IngestP99FirstMs,
    double IngestP99LastMs,
    double PushP99FirstMs,
    double PushP99LastMs,
    IReadOnlyList<IntervalLatency> Ingest,
    IReadOnlyList<IntervalLatency> Push)
{
    public static LatencyDrift Of(TimeSpan interval, TimeSpan duration, IReadOnlyList<IntervalLatency> ingest, IReadOnlyList<IntervalLatency> push) => new(
        interval.TotalSeconds,
        First(ingest), Last(ingest, interval, duration),
        First(push), Last(push, interval, duration),
        ingest, push);

    private static double First(IReadOnlyList<IntervalLatency> intervals) =>
        intervals.FirstOrDefault(i => i.Count > 0)?.LatencyMs.P99 ?? 0;

    private static double Last(IReadOnlyList<IntervalLatency> intervals, TimeSpan interval, TimeSpan duration) =>
        (intervals.LastOrDefault(i => i.Count > 0 && i.FromSeconds + interval.TotalSeconds <= duration.TotalSeconds + 0.001)
            ?? intervals.LastOrDefault(i => i.Count > 0))?.LatencyMs.P99 ?? 0;
}
