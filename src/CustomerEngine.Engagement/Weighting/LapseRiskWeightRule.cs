using CustomerEngine.Engagement.Actions;
using CustomerEngine.Engagement.Candidates;

namespace CustomerEngine.Engagement.Weighting;

/// <summary>
/// Retention is more urgent the less likely the customer still buys: weight 2 − P(alive), from 1
/// (surely alive) to 2 (all but gone). Only when the value model's probability alive is known;
/// neutral otherwise.
/// </summary>
public sealed class LapseRiskWeightRule : IContextWeightRule
{
    /// <inheritdoc />
    public string Name => "builtin.lapseRisk";

    /// <inheritdoc />
    public double Weigh(ActionCandidate candidate, EngagementContext context)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(context);
        return candidate.Action.Kind == ActionKinds.Retention && context.ValueSignals?.ProbabilityAlive is { } alive && double.IsFinite(alive)
            ? 2.0 - Math.Clamp(alive, 0, 1)
            : 1.0;
    }
}
