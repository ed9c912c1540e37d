using System.Diagnostics;
using CustomerEngine.LoadTests.Load;

namespace CustomerEngine.LoadTests.Tests;

public sealed class LatencyRecorderTests
{
    [Fact]
    public void Bounded_percentiles_read_at_most_one_percent_above_the_exact_ones()
    {
        var exact = new LatencyRecorder();
        var bounded = LatencyRecorder.Bounded();
        var random = new Random(7);
        for (var i = 0; i < 10_000; i++)
        {
            var milliseconds = Math.Exp(random.NextDouble() * 8);
            exact.Record(milliseconds);
            bounded.Record(milliseconds);
        }

        var e = exact.Summarise();
        var b = bounded.Summarise();
        Assert.Equal(e.Max, b.Max);
        foreach (var (precise, approximate) in new[] { (e.P50, b.P50), (e.P90, b.P90), (e.P99, b.P99) })
        {
            Assert.InRange(approximate, precise, precise * 1.0101);
        }
    }

    [Fact]
    public void Intervals_summarise_the_samples_recorded_in_each()
    {
        var clock = new Stopwatch();
        var recorder = LatencyRecorder.Bounded(clock, measuredFrom: TimeSpan.Zero, interval: TimeSpan.FromDays(1));

        recorder.Record(5);
        recorder.Record(7);

        var interval = Assert.Single(recorder.Intervals);
        Assert.Equal(0, interval.FromSeconds);
        Assert.Equal(2, interval.Count);
        Assert.Equal(7, interval.LatencyMs.Max);
    }
}
