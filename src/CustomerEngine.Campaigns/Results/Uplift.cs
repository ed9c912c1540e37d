namespace CustomerEngine.Campaigns.Results;

/// <summary>
/// Treatment conversion rate minus holdout conversion rate, with a 95% confidence interval; all
/// null until both groups have a presentation.
/// </summary>
/// <param name="Value">The difference of the rates.</param>
/// <param name="Low">The interval's lower end.</param>
/// <param name="High">The interval's upper end.</param>
public sealed record Uplift(double? Value, double? Low, double? High)
{
    /// <summary>Not yet measurable.</summary>
    public static Uplift Unknown { get; } = new(null, null, null);
}
