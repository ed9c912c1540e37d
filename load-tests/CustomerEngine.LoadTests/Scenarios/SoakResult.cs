using CustomerEngine.LoadTests.Memory;

namespace CustomerEngine.LoadTests.Scenarios;

/// <summary>soak's result: retail-day's, with memory over the run and latency drift.</summary>
public sealed record SoakResult : RetailDayResult
{
    public SoakResult(RetailDayResult day, MemoryReport memory, LatencyDrift drift)
        : base(day)
    {
        Memory = memory;
        LatencyDrift = drift;
    }

    public MemoryReport Memory { get; init; }

    public LatencyDrift LatencyDrift { get; init; }
}
