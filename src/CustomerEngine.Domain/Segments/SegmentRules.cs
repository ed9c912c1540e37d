namespace CustomerEngine.Domain.Segments;

/// <summary>
/// The configurable thresholds of the behaviour segments (DOMAIN.md §4). Shares are decimals so
/// that a customer exactly at a threshold lands on the documented side of it.
/// </summary>
public sealed record SegmentRules
{
    /// <summary>Price-driven when spend on discounted items is at least this share of item spend.</summary>
    public decimal PriceDrivenShare { get; init; } = 0.5m;

    /// <summary>Loyal when the top brand has at least this share of branded items.</summary>
    public decimal LoyalTopBrandShare { get; init; } = 0.6m;

    /// <summary>A multi-brand explorer buys at least this many brands...</summary>
    public int ExplorerMinBrands { get; init; } = 4;

    /// <summary>...and the top brand has less than this share of branded items.</summary>
    public decimal ExplorerMaxTopBrandShare { get; init; } = 0.35m;

    /// <summary>Store or online preference when that channel has at least this share of channel-tagged interactions.</summary>
    public decimal ChannelShare { get; init; } = 0.7m;

    /// <summary>Brand loyalty is not judged on fewer branded items than this.</summary>
    public int MinBrandedItems { get; init; } = 3;

    /// <summary>Channel preference is not judged on fewer channel-tagged interactions than this.</summary>
    public int MinInteractionsForChannel { get; init; } = 3;
}
