namespace CustomerEngine.LoadTests.Memory;

/// <summary>The process's memory at one moment of a run.</summary>
/// <param name="AtSeconds">Seconds after the warm-up.</param>
/// <param name="ManagedHeapBytes">The managed heap as the latest collection left it.</param>
/// <param name="WorkingSetBytes">Physical memory mapped to the process.</param>
public sealed record MemorySample(double AtSeconds, long ManagedHeapBytes, long WorkingSetBytes);
