namespace CustomerEngine.CrossSell.Rules;

/// <summary>The deterministic orders rules are returned in.</summary>
internal static class RuleOrder
{
    /// <summary>
    /// For the rules of one antecedent: lift descending, then confidence descending, then
    /// consequent (ordinal).
    /// </summary>
    public static int ForAntecedent(AssociationRule x, AssociationRule y)
    {
        var byLift = y.Lift.CompareTo(x.Lift);
        if (byLift != 0)
        {
            return byLift;
        }

        var byConfidence = y.Confidence.CompareTo(x.Confidence);
        return byConfidence != 0 ? byConfidence : string.CompareOrdinal(x.Consequent, y.Consequent);
    }

    /// <summary>For all rules: lift descending, then antecedent, then consequent (ordinal).</summary>
    public static int Overall(AssociationRule x, AssociationRule y)
    {
        var byLift = y.Lift.CompareTo(x.Lift);
        if (byLift != 0)
        {
            return byLift;
        }

        var byAntecedent = string.CompareOrdinal(x.Antecedent, y.Antecedent);
        return byAntecedent != 0 ? byAntecedent : string.CompareOrdinal(x.Consequent, y.Consequent);
    }
}
