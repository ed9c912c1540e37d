using System.Diagnostics;

namespace CustomerEngine.LoadTests.Load;

/// <summary>
/// Latency samples in milliseconds. By default every sample is kept and percentiles are exact
/// (cheap at the counts of a short run); <see cref="Bounded"/> counts them in buckets instead, for
/// runs long enough that the tool's own memory would otherwise grow into what they measure.
/// </summary>
public sealed class LatencyRecorder
{
    private readonly List<double>? _samples;
    private readonly LatencyHistogram? _histogram;
    private readonly LatencyIntervals? _intervals;

    /// <summary>Keeps every sample: exact percentiles.</summary>
    public LatencyRecorder() => _samples = [];

    private LatencyRecorder(LatencyIntervals? intervals)
    {
        _histogram = new LatencyHistogram();
        _intervals = intervals;
    }

    public int Count
    {
        get
        {
            if (_histogram is not null)
            {
                return (int)_histogram.Count;
            }

            lock (_samples!)
            {
                return _samples.Count;
            }
        }
    }

    /// <summary>The latency of each interval, oldest first (only from <see cref="Bounded"/>).</summary>
    public IReadOnlyList<IntervalLatency> Intervals => _intervals?.Summarise() ?? [];

    /// <summary>Memory that does not grow with the number of samples; percentiles within 1%.</summary>
    public static LatencyRecorder Bounded() => new(intervals: null);

    /// <summary>
    /// Memory that does not grow with the run (percentiles within 1%), and a summary per
    /// <paramref name="interval"/> of <paramref name="clock"/> from <paramref name="measuredFrom"/>
    /// on, by the time each sample was recorded.
    /// </summary>
    public static LatencyRecorder Bounded(Stopwatch clock, TimeSpan measuredFrom, TimeSpan interval) =>
        new(new LatencyIntervals(clock, measuredFrom, interval));

    public void Record(double milliseconds)
    {
        if (_histogram is not null)
        {
            _histogram.Record(milliseconds);
            _intervals?.Record(milliseconds);
            return;
        }

        lock (_samples!)
        {
            _samples.Add(milliseconds);
        }
    }

    public LatencySummary Summarise()
    {
        if (_histogram is not null)
        {
            return _histogram.Summarise();
        }

        double[] sorted;
        lock (_samples!)
        {
            sorted = [.. _samples];
        }

        Array.Sort(sorted);
        return sorted.Length == 0
            ? new LatencySummary(0, 0, 0, 0)
            : new LatencySummary(At(sorted, 0.50), At(sorted, 0.90), At(sorted, 0.99), sorted[^1]);
    }

    private static double At(double[] sorted, double quantile) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
}
