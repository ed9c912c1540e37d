namespace CustomerEngine.CrossSell.Rules;

/// <summary>
/// Support, confidence and lift of {a} → {b} from exact basket counts. Each measure is one
/// correctly rounded division of exact integers, so rules whose measures are equal fractions get
/// equal doubles and ties in the ordering are real ties, not rounding noise.
/// </summary>
internal readonly record struct RuleMeasures(double Support, double Confidence, double Lift)
{
    /// <summary>The measures of {a} → {b} from the counts of a, of b, of both, and of all baskets.</summary>
    public static RuleMeasures Of(long pairCount, long antecedentCount, long consequentCount, long baskets)
    {
        // lift = (n_ab / n_a) / (n_b / N) = n_ab·N / (n_a·n_b). Both products are exact in Int128,
        // and in double too below 2^53 (N up to about 94 million baskets), leaving one rounding.
        var lift = (double)((Int128)pairCount * baskets) / (double)((Int128)antecedentCount * consequentCount);
        return new RuleMeasures((double)pairCount / baskets, (double)pairCount / antecedentCount, lift);
    }

    /// <summary>The rule these measures belong to.</summary>
    public AssociationRule ToRule(string antecedent, string consequent, long pairCount) =>
        new(antecedent, consequent, Support, Confidence, Lift, pairCount);
}
