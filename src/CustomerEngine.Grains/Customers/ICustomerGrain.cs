using CustomerEngine.Domain.Events;
using CustomerEngine.Domain.Views;
using CustomerEngine.Engagement.Outcomes;
using CustomerEngine.Engagement.Suggestions;
using CustomerEngine.Grains.Engagement;
using CustomerEngine.Grains.Runtime;

namespace CustomerEngine.Grains.Customers;

/// <summary>
/// One customer (or one anonymous visitor, keyed <c>anon:{anonymousId}</c>): applies that
/// customer's events in order of occurrence and serves the customer's live views.
/// </summary>
public interface ICustomerGrain : IGrain
{
    /// <summary>
    /// Applies events that are already durable in the event log. Events may arrive late, twice or
    /// out of order; the resulting state always equals a replay in occurrence order.
    /// </summary>
    Task<CustomerApplyReport> ApplyAsync(IReadOnlyList<SequencedEvent> events);

    /// <summary>The customer 360 view as of now, or <c>null</c> when the customer has no events.</summary>
    Task<Customer360?> GetViewAsync();

    /// <summary>The customer's summary as of now, or <c>null</c> when the customer has no events.</summary>
    Task<CustomerSummary?> GetSummaryAsync();

    /// <summary>Records the time-driven lifecycle transitions that have become due.</summary>
    Task AdvanceClockAsync();

    /// <summary>
    /// Hands this anonymous visitor's history to a known customer, once. Returns the customer that
    /// owns the history afterwards: <paramref name="customerId"/>, or an earlier claimant.
    /// </summary>
    Task<string> MergeIntoAsync(string customerId);

    /// <summary>The customer's current suggestions, best first (recomputed first when the catalog changed or one expired).</summary>
    Task<IReadOnlyList<Suggestion>> GetSuggestionsAsync();

    /// <summary>Records what staff did with one of this customer's suggestions, once.</summary>
    Task<OutcomeRecordResult> RecordOutcomeAsync(string suggestionId, SuggestionOutcome outcome, string? reason, string? recordedBy);
}
