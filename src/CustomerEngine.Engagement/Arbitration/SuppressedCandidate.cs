using CustomerEngine.Engagement.Candidates;

namespace CustomerEngine.Engagement.Arbitration;

/// <summary>A proposed action that is not shown, and why: for dashboards and for tuning the policy.</summary>
/// <param name="Candidate">The candidate, merged over every provider that proposed the action.</param>
/// <param name="Reason">Which rule withheld it.</param>
/// <param name="Detail">The rule's explanation, e.g. "dismissed 2 days ago; cool-down until 2026-03-09T10:00:00Z".</param>
public sealed record SuppressedCandidate(ActionCandidate Candidate, SuppressionReason Reason, string Detail)
{
    /// <summary>The withheld action's id.</summary>
    public string ActionId => Candidate.Action.Id;
}
