namespace CustomerEngine.Engagement.Candidates;

/// <summary>
/// Proposes actions for one customer at one moment. Implement it to add behaviours: a provider
/// decides only whether the moment calls for its actions and why; eligibility, consent, contact
/// policy and ranking are the arbitrator's, so a provider normally proposes every catalog action of
/// its kind when its condition holds.
/// </summary>
/// <remarks>
/// Providers must be pure (no I/O, no clock: use <see cref="EngagementContext.Now"/>) and fast; they
/// run inside the customer's turn. One that throws is skipped and reported, never fatal.
/// </remarks>
public interface ICandidateActionProvider
{
    /// <summary>A stable name for logs, metrics and the <see cref="ActionCandidate.Source"/> of its candidates.</summary>
    string Name { get; }

    /// <summary>The candidates for the customer in <paramref name="context"/>; none when the moment does not call for them.</summary>
    IEnumerable<ActionCandidate> Propose(EngagementContext context);
}
