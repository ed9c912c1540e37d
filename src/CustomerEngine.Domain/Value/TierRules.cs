namespace CustomerEngine.Domain.Value;

/// <summary>The shares of the customer base in the high and low tiers.</summary>
public sealed record TierRules
{
    /// <summary>Share of customers (with a purchase) ranked high.</summary>
    public decimal HighShare { get; init; } = 0.2m;

    /// <summary>Share of customers (with a purchase) ranked low.</summary>
    public decimal LowShare { get; init; } = 0.3m;
}
