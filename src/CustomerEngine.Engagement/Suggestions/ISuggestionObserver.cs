using CustomerEngine.Engagement.Arbitration;
using CustomerEngine.Engagement.Candidates;
using CustomerEngine.Engagement.Contact;
using CustomerEngine.Engagement.Outcomes;

namespace CustomerEngine.Engagement.Suggestions;

/// <summary>
/// Sees what came of each arbitration and each recorded outcome, inside the customer's turn:
/// for behaviours that must know what was actually presented (campaign results count a
/// presentation only when arbitration let the offer through). One instance serves every customer,
/// so it must be thread-safe; like a provider, it must be fast and never throw (a failure is logged
/// and skipped).
/// </summary>
public interface ISuggestionObserver
{
    /// <summary>Called after every arbitration with its context and result.</summary>
    void Arbitrated(EngagementContext context, ArbitrationResult result);

    /// <summary>Called once when an outcome is newly recorded for one of <paramref name="customerId"/>'s suggestions.</summary>
    void OutcomeRecorded(string customerId, ContactPresentation presentation, SuggestionOutcome outcome, DateTimeOffset at);
}
