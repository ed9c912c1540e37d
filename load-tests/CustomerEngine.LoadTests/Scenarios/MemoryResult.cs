using CustomerEngine.LoadTests.Load;

namespace CustomerEngine.LoadTests.Scenarios;

/// <summary>
/// The memory scenario's result. The common fields describe the activations: <c>sent</c> is the
/// interactions applied, <c>latencyMs</c> the time to activate one customer and apply its history.
/// </summary>
public sealed record MemoryResult : LoadResult
{
    public MemoryResult(LoadResult run)
        : base(run)
    {
    }

    public int Customers { get; init; }

    public int InteractionsPerCustomer { get; init; }

    /// <summary>Growth of the managed heap after a full collection, per active customer grain.</summary>
    public double BytesPerGrain { get; init; }

    public long HeapBeforeBytes { get; init; }

    public long HeapAfterBytes { get; init; }

    public int Activations { get; init; }
}
