namespace CustomerEngine.Domain.Views;

/// <summary>The purchase and visit totals part of <see cref="Customer360"/>.</summary>
public sealed record StatsView(
    int Purchases,
    decimal Spend,
    int Returns,
    decimal ReturnedAmount,
    int Visits,
    DateTimeOffset? FirstPurchaseAt,
    DateTimeOffset? LastPurchaseAt,
    DateTimeOffset? LastSeenAt);
