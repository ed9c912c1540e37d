using CustomerEngine.Engagement.Outcomes;

namespace CustomerEngine.Grains.Engagement;

/// <summary>Records what staff did with a suggestion, once per suggestion, and feeds it to learning.</summary>
public interface ISuggestionOutcomeRecorder
{
    /// <summary>
    /// Records <paramref name="outcome"/> for <paramref name="suggestionId"/>. Recording the same
    /// outcome twice changes nothing; <paramref name="recordedBy"/> names the person or key.
    /// </summary>
    Task<OutcomeRecordResult> RecordAsync(string suggestionId, SuggestionOutcome outcome, string? reason, string? recordedBy, CancellationToken cancellationToken);
}
