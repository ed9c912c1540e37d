using CustomerEngine.Engagement.Contact;
using CustomerEngine.Engagement.Failures;
using CustomerEngine.Engagement.Suggestions;

namespace CustomerEngine.Engagement.Arbitration;

/// <summary>The outcome of one arbitration for one customer.</summary>
/// <param name="Suggestions">The current suggestions, best first (service recovery on top), at most the policy's top N.</param>
/// <param name="Presented">Those of <paramref name="Suggestions"/> presented now for the first time (new suggestion ids).</param>
/// <param name="Withdrawn">The ids of suggestions that were current and no longer are.</param>
/// <param name="Suppressed">Proposed actions withheld by a rule, with why.</param>
/// <param name="Failures">Providers and weight rules that failed and were skipped; for the host to log and count.</param>
/// <param name="History">The contact history to keep for the customer from now on.</param>
/// <param name="RecoveryApplies">Whether service recovery applied (and sales were withheld).</param>
/// <param name="SegmentKey">The customer's propensity segment.</param>
public sealed record ArbitrationResult(
    IReadOnlyList<Suggestion> Suggestions,
    IReadOnlyList<Suggestion> Presented,
    IReadOnlyList<string> Withdrawn,
    IReadOnlyList<SuppressedCandidate> Suppressed,
    IReadOnlyList<ExtensionFailure> Failures,
    ContactHistory History,
    bool RecoveryApplies,
    string SegmentKey)
{
    /// <summary>Whether the set of current suggestions changed (something presented or withdrawn).</summary>
    public bool Changed => Presented.Count > 0 || Withdrawn.Count > 0;
}
