using CustomerEngine.CrossSell.Rules;

namespace CustomerEngine.CrossSell.Candidates;

/// <summary>How cross-sell candidates are chosen.</summary>
public sealed record CrossSellOptions
{
    /// <summary>The most suggestions returned. Default 10.</summary>
    public int Limit
    {
        get;
        init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A limit cannot be negative.");
    } = 10;

    /// <summary>
    /// The fewest baskets a held SKU must have been in for its own rules to be used; below it, its
    /// category's rules are used instead. Default 30.
    /// </summary>
    public long MinItemBaskets
    {
        get;
        init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A basket count cannot be negative.");
    } = 30;

    /// <summary>
    /// A suggestion's rule needs a lift strictly above this. Default 1: the two items must go
    /// together more often than chance, or the rule is no reason to offer one with the other.
    /// </summary>
    public double MinLift { get; init; } = 1.0;

    /// <summary>The thresholds rules must meet; the model's defaults when null.</summary>
    public AssociationThresholds? Thresholds { get; init; }
}
