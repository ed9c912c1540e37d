using CustomerEngine.Engagement.Contact;
using CustomerEngine.Engagement.Learning;

namespace CustomerEngine.Engagement.Outcomes;

/// <summary>Records outcomes in a customer's contact history and teaches the propensity model, once per suggestion.</summary>
public static class SuggestionOutcomes
{
    /// <summary>
    /// Records <paramref name="outcome"/> for <paramref name="suggestionId"/> in
    /// <paramref name="history"/> and, only when it is newly recorded, updates the posterior of the
    /// suggestion's action in the segment the customer was in when it was presented. Recording the
    /// same outcome twice therefore teaches the model once.
    /// </summary>
    public static OutcomeRecording Record(
        ContactHistory history, PropensityModel propensity, string suggestionId, SuggestionOutcome outcome, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(propensity);
        var recording = history.RecordOutcome(suggestionId, outcome, at);
        if (recording is { Status: OutcomeStatus.Recorded, Presentation: { } presentation })
        {
            propensity.Record(presentation.ActionId, presentation.SegmentKey, outcome == SuggestionOutcome.Accepted);
        }

        return recording;
    }
}
