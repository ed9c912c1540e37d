using CustomerEngine.Engagement.Candidates;

namespace CustomerEngine.Engagement.Weighting;

/// <summary>The built-in context-weight rules.</summary>
public static class BuiltInWeightRules
{
    /// <summary>In store, basket and lapse risk.</summary>
    public static IReadOnlyList<IContextWeightRule> Create() => [new InStoreWeightRule(), new BasketWeightRule(), new LapseRiskWeightRule()];
}
