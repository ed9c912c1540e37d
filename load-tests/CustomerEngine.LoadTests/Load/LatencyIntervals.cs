using System.Diagnostics;

namespace CustomerEngine.LoadTests.Load;

/// <summary>
/// One <see cref="LatencyHistogram"/> per interval of a run's clock, so drift over a long run
/// shows: a p99 that climbs from the first interval to the last is a leak or a queue growing.
/// Samples recorded before <c>measuredFrom</c> (the warm-up) are left out.
/// </summary>
public sealed class LatencyIntervals(Stopwatch clock, TimeSpan measuredFrom, TimeSpan interval)
{
    private readonly List<LatencyHistogram> _intervals = [];

    public void Record(double milliseconds)
    {
        var since = clock.Elapsed - measuredFrom;
        if (since < TimeSpan.Zero)
        {
            return;
        }

        var index = (int)(since / interval);
        LatencyHistogram histogram;
        lock (_intervals)
        {
            while (_intervals.Count <= index)
            {
                _intervals.Add(new LatencyHistogram());
            }

            histogram = _intervals[index];
        }

        histogram.Record(milliseconds);
    }

    public IReadOnlyList<IntervalLatency> Summarise()
    {
        lock (_intervals)
        {
            return [.. _intervals.Select((h, i) => new IntervalLatency(Math.Round((interval * i).TotalSeconds, 2), h.Count, h.Summarise()))];
        }
    }
}
