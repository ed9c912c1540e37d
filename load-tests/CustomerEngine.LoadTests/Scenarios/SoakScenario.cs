using System.Diagnostics;
using CustomerEngine.LoadTests.Load;
using CustomerEngine.LoadTests.Memory;

namespace CustomerEngine.LoadTests.Scenarios;

/// <summary>
/// retail-day for a long time (30 minutes unless <c>--duration</c> says otherwise), sampling memory
/// every <c>--sample-every</c> and summarising latency per <c>--interval</c>, so a slow leak or a
/// queue that grows shows as memory that climbs or a p99 that drifts. Its latency recorders are
/// bounded, so the tool's own memory stays flat however long it runs.
/// </summary>
public static class SoakScenario
{
    public static async Task<SoakResult> RunAsync(LoadOptions options, Uri target, string apiKey, bool engineInProcess, CancellationToken cancellationToken)
    {
        var clock = new Stopwatch();
        LatencyRecorder Bounded() => LatencyRecorder.Bounded(clock, options.Warmup, options.Interval);
        var load = new PushLoad(options, target, apiKey)
        {
            Clock = clock,
            IngestLatency = Bounded(),
            PushLatency = Bounded(),
            SuggestionsLatency = Bounded(),
            PublisherDelay = Bounded(),
        };
        using var sampler = engineInProcess ? MemorySampler.Start(clock, options.Warmup, options.SampleEvery) : null;
        var day = RetailDayResult.Of(await load.MeasureAsync(cancellationToken), options);
        var memory = sampler?.Stop() ?? MemoryReport.Unavailable(options.SampleEvery);
        return new SoakResult(day, memory, LatencyDrift.Of(options.Interval, options.Duration, load.IngestLatency.Intervals, load.PushLatency.Intervals));
    }
}
