namespace CustomerEngine.Domain.Value;

/// <summary>Customers whose lifetime value is at least <paramref name="From"/> and below <paramref name="To"/>.</summary>
/// <param name="From">Lower bound, inclusive.</param>
/// <param name="To">Upper bound, exclusive; null for the top band.</param>
/// <param name="Customers">How many customers fall in it.</param>
public sealed record LifetimeValueBand(double From, double? To, long Customers);
