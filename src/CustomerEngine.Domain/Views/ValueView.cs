using CustomerEngine.Domain.Value;

namespace CustomerEngine.Domain.Views;

/// <summary>
/// The value part of <see cref="Customer360"/>. <see cref="RecencyDays"/>, <see cref="Rfm"/> and
/// <see cref="Tier"/> are null before the first purchase; <see cref="Monetary"/> is spend net of returns.
/// </summary>
public sealed record ValueView(int? RecencyDays, int Frequency, decimal Monetary, RfmScore? Rfm, ValueTier? Tier);
