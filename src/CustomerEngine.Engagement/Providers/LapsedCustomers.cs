using CustomerEngine.Domain.Lifecycle;
using CustomerEngine.Engagement.Candidates;

namespace CustomerEngine.Engagement.Providers;

/// <summary>What retention and win-back share: a stage to act on and the time since the last purchase as the reason.</summary>
internal static class LapsedCustomers
{
    public static IEnumerable<ActionCandidate> Propose(EngagementContext context, LifecycleStage stage, string kind, string source)
    {
        if (context.Customer.Lifecycle.Stage != stage)
        {
            return [];
        }

        var values = CandidateText.Common(context);
        var lastPurchaseAt = context.State.LastPurchaseAt;
        CandidateText.PutDays(values, lastPurchaseAt is { } last ? CandidateText.DaysBetween(last, context.Now) : null);
        var details = context.ValueSignals?.ProbabilityAlive is { } alive && double.IsFinite(alive)
            ? new[] { $"the value model gives a {CandidateText.Percent(Math.Clamp(alive, 0, 1))} chance they still buy" }
            : [];
        return CandidateText.Candidates(context, kind, values, details, source);
    }
}
