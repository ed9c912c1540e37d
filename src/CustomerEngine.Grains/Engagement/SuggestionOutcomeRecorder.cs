using CustomerEngine.Engagement.Outcomes;
using CustomerEngine.Engagement.Suggestions;
using CustomerEngine.Grains.Customers;
using CustomerEngine.Grains.Runtime;

namespace CustomerEngine.Grains.Engagement;

/// <summary>Routes an outcome to the customer the suggestion id names.</summary>
public sealed class SuggestionOutcomeRecorder(IGrainFactory grains) : ISuggestionOutcomeRecorder
{
    /// <inheritdoc />
    public Task<OutcomeRecordResult> RecordAsync(string suggestionId, SuggestionOutcome outcome, string? reason, string? recordedBy, CancellationToken cancellationToken) =>
        SuggestionIds.TryGetCustomer(suggestionId, out var customerId)
            ? grains.GetGrain<ICustomerGrain>(customerId).RecordOutcomeAsync(suggestionId, outcome, reason, recordedBy)
            : Task.FromResult(OutcomeRecordResult.NotFound);
}
