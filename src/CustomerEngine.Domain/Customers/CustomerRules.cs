using CustomerEngine.Domain.Lifecycle;
using CustomerEngine.Domain.Segments;

namespace CustomerEngine.Domain.Customers;

/// <summary>Every configurable threshold of the customer model, with the defaults of DOMAIN.md.</summary>
public sealed record CustomerRules
{
    /// <summary>The defaults.</summary>
    public static CustomerRules Default { get; } = new();

    /// <summary>Lifecycle windows.</summary>
    public LifecycleRules Lifecycle { get; init; } = new();

    /// <summary>Behaviour segment thresholds.</summary>
    public SegmentRules Segments { get; init; } = new();

    /// <summary>How many recent interactions a customer keeps.</summary>
    public int RecentDepth { get; init; } = 20;
}
