namespace CustomerEngine.LoadTests.Memory;

/// <summary>Memory over a run: whether it stays flat under load.</summary>
/// <param name="Source">Whose memory it is, or why there is none.</param>
/// <param name="SampleEverySeconds">The sampling period (plus a sample at the start and one at the end).</param>
/// <param name="ManagedHeapBytes">Start, max and end of the managed heap; null when not available.</param>
/// <param name="WorkingSetBytes">Start, max and end of the working set; null when not available.</param>
/// <param name="Samples">Every sample, oldest first.</param>
public sealed record MemoryReport(
    string Source,
    double SampleEverySeconds,
    MemoryRange? ManagedHeapBytes,
    MemoryRange? WorkingSetBytes,
    IReadOnlyList<MemorySample> Samples)
{
    /// <summary>Whether each heap sample followed a forced full collection (live objects only).</summary>
    public bool LiveHeap { get; init; }

    /// <summary>For a target in another process: the engine exposes no memory figures over HTTP.</summary>
    public static MemoryReport Unavailable(TimeSpan every) =>
        new("unavailable: the target runs in another process and does not expose its memory", every.TotalSeconds, null, null, []);
}
