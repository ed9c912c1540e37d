namespace CustomerEngine.CrossSell.Rules;

/// <summary>
/// The minimum support and confidence a rule needs to be reported. Both are inclusive (a rule
/// exactly at a threshold is kept), as in arules and other standard tools.
/// </summary>
/// <param name="MinSupport">The least support, from 0 to 1.</param>
/// <param name="MinConfidence">The least confidence, from 0 to 1.</param>
public sealed record AssociationThresholds(double MinSupport, double MinConfidence)
{
    /// <summary>Every rule: no minimum support or confidence.</summary>
    public static AssociationThresholds None { get; } = new(0, 0);

    /// <summary>The least support, from 0 to 1.</summary>
    public double MinSupport { get; } = RequireFraction(MinSupport, nameof(MinSupport));

    /// <summary>The least confidence, from 0 to 1.</summary>
    public double MinConfidence { get; } = RequireFraction(MinConfidence, nameof(MinConfidence));

    /// <summary>Whether a rule with these measures is at or above both thresholds.</summary>
    public bool Admits(double support, double confidence) => support >= MinSupport && confidence >= MinConfidence;

    private static double RequireFraction(double value, string name) => value is >= 0 and <= 1
        ? value
        : throw new ArgumentOutOfRangeException(name, value, "A threshold is a fraction from 0 to 1.");
}
