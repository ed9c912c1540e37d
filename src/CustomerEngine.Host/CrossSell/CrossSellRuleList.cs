namespace CustomerEngine.Host.CrossSell;

/// <summary>The rules at or above the requested thresholds, best (highest lift) first.</summary>
/// <param name="Baskets">The baskets the rules were measured over: every support is a share of it.</param>
/// <param name="Rules">The rules, at most the requested limit.</param>
public sealed record CrossSellRuleList(long Baskets, IReadOnlyList<CrossSellRule> Rules);
