namespace CustomerEngine.CrossSell.Rules;

/// <summary>The rules found at some thresholds and the number of baskets they were measured over.</summary>
/// <param name="Baskets">All baskets learned when the rules were read; every support is a share of it.</param>
/// <param name="Rules">The rules, best first.</param>
public sealed record AssociationRuleSet(long Baskets, IReadOnlyList<AssociationRule> Rules);
