using System.Diagnostics;

namespace CustomerEngine.LoadTests.Memory;

/// <summary>
/// Samples this process's memory at the end of the warm-up and then every <c>every</c> of the
/// run's clock, and once more when stopped. With the engine in process the figures are the
/// engine's plus the load tool's; the tool keeps its own footprint flat (bounded latency
/// recorders, a cap on requests in flight), so growth is the engine's. The managed heap is taken
/// as the latest collection left it: between collections the heap also holds garbage, whose
/// sawtooth would hide a trend. With <c>forceFullCollection</c> each sample first collects every
/// generation, so the heap is what is live: a server GC on a big machine can let an old
/// generation's garbage grow for minutes, which looks like a leak in a one-minute run.
/// </summary>
public sealed class MemorySampler : IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(200);
    private readonly Stopwatch _clock;
    private readonly TimeSpan _from;
    private readonly TimeSpan _every;
    private readonly List<MemorySample> _samples = [];
    private readonly Timer _timer;
    private readonly bool _forceFullCollection;

    private MemorySampler(Stopwatch clock, TimeSpan from, TimeSpan every, bool forceFullCollection)
    {
        _clock = clock;
        _from = from;
        _every = every;
        _forceFullCollection = forceFullCollection;
        // The start is sampled here when it is due already, so it never depends on the timer getting a thread.
        SampleIfDue();
        _timer = new Timer(_ => SampleIfDue(), null, Tick, Tick);
    }

    /// <summary>Starts sampling against <paramref name="clock"/> (which may start later).</summary>
    public static MemorySampler Start(Stopwatch clock, TimeSpan measuredFrom, TimeSpan every, bool forceFullCollection = false) =>
        new(clock, measuredFrom, every, forceFullCollection);

    /// <summary>Takes the last sample and summarises.</summary>
    public MemoryReport Stop()
    {
        _timer.Dispose();
        lock (_samples)
        {
            _samples.Add(Sample());
            var samples = _samples.ToArray();
            return new MemoryReport(
                "in-process: the engine and the load tool together",
                _every.TotalSeconds,
                MemoryRange.Of([.. samples.Select(s => s.ManagedHeapBytes)]),
                MemoryRange.Of([.. samples.Select(s => s.WorkingSetBytes)]),
                samples) { LiveHeap = _forceFullCollection };
        }
    }

    public void Dispose() => _timer.Dispose();

    private void SampleIfDue()
    {
        lock (_samples)
        {
            if (_clock.Elapsed < _from + (_every * _samples.Count))
            {
                return;
            }

            var sample = Sample();
            _samples.Add(sample);
            Console.Error.WriteLine($"  {sample.AtSeconds,5:F0}s  memory: managed heap {sample.ManagedHeapBytes / 1048576.0:N0} MiB, working set {sample.WorkingSetBytes / 1048576.0:N0} MiB");
        }
    }

    // Before the first collection there is no "after" yet, and the heap is all there is.
    private MemorySample Sample() => new(
        Math.Round(Math.Max(0, (_clock.Elapsed - _from).TotalSeconds), 2),
        _forceFullCollection ? GC.GetTotalMemory(forceFullCollection: true)
            : GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes is > 0 and var collected ? collected : GC.GetTotalMemory(forceFullCollection: false),
        Environment.WorkingSet);
}
