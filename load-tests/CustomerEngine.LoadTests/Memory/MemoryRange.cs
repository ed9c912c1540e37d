namespace CustomerEngine.LoadTests.Memory;

/// <summary>A quantity at the first sample, its largest, and at the last sample, in bytes.</summary>
public sealed record MemoryRange(long Start, long Max, long End)
{
    public static MemoryRange Of(IReadOnlyList<long> values) => new(values[0], values.Max(), values[^1]);
}
