using CustomerEngine.Domain.Value;

namespace CustomerEngine.Domain.Views;

/// <summary>
/// The value part of <see cref="Customer360"/>. <see cref="RecencyDays"/>, <see cref="Rfm"/> and
/// <see cref="Tier"/> are null before the first purchase; <see cref="Monetary"/> is spend net of returns.
/// <see cref="PAlive"/>, <see cref="ExpectedTransactions"/>, <see cref="ExpectedSpend"/> and <see cref="Clv"/>
/// come from the fitted value models (docs/models.md) and are null before the first purchase and until a fit exists.
/// </summary>
public sealed record ValueView(
    int? RecencyDays,
    int Frequency,
    decimal Monetary,
    RfmScore? Rfm,
    ValueTier? Tier,
    double? PAlive = null,
    double? ExpectedTransactions = null,
    double? ExpectedSpend = null,
    double? Clv = null);
