namespace CustomerEngine.Domain.Lifecycle;

/// <summary>The configurable thresholds of the lifecycle (DOMAIN.md §2).</summary>
public sealed record LifecycleRules
{
    /// <summary>A repeat purchase within this time of the previous one makes a new or won-back customer active.</summary>
    public TimeSpan ActiveWindow { get; init; } = TimeSpan.FromDays(90);

    /// <summary>Without a purchase for this long, a new, active or won-back customer is at risk.</summary>
    public TimeSpan AtRiskAfter { get; init; } = TimeSpan.FromDays(60);

    /// <summary>Without a purchase for this long, the customer has churned; must be longer than <see cref="AtRiskAfter"/>.</summary>
    public TimeSpan ChurnedAfter { get; init; } = TimeSpan.FromDays(180);

    /// <summary>
    /// Once a value model is fitted, a new, active or won-back customer whose P(alive) falls below this is at risk,
    /// whichever of this and <see cref="AtRiskAfter"/> comes first; 0 turns the rule off.
    /// </summary>
    public double AtRiskBelowPAlive { get; init; } = 0.5;

    /// <summary>
    /// Once a value model is fitted, an at-risk customer whose P(alive) falls below this has churned, whichever of
    /// this and <see cref="ChurnedAfter"/> comes first; at most <see cref="AtRiskBelowPAlive"/>; 0 turns the rule off.
    /// </summary>
    public double ChurnedBelowPAlive { get; init; } = 0.2;
}
