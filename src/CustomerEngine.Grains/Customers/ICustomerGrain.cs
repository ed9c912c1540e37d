using CustomerEngine.Domain.Events;
using CustomerEngine.Domain.Views;
using CustomerEngine.Engagement.Outcomes;
using CustomerEngine.Engagement.Suggestions;
using CustomerEngine.Grains.DataRights;
using CustomerEngine.Grains.Engagement;
using CustomerEngine.Grains.Runtime;
using CustomerEngine.Storage.Erasure;

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

    /// <summary>
    /// Applies whatever the log holds for this customer that the grain has not applied yet. Called
    /// when an append reports duplicates: a client resending after a lost answer may be resending
    /// events an earlier attempt stored but never delivered (the store failed after the commit).
    /// </summary>
    Task CatchUpAsync();

    /// <summary>Everything this grain holds about the customer, with its event log entries; null when it has no events.</summary>
    Task<CustomerExport?> ExportAsync();

    /// <summary>
    /// Erases the customer and the anonymous histories merged into it (see <see cref="CustomerEraser"/>),
    /// in this grain's turn, so no event of the customer is applied meanwhile; this activation is
    /// then dropped without writing anything, and a later event starts a new, empty customer.
    /// Returns the audit record, or null when the grain has no events (nothing to erase).
    /// </summary>
    Task<ErasureRecord?> EraseAsync(string requestedBy);

    /// <summary>Drops this activation without writing anything back: its stored data was erased.</summary>
    Task ForgetAsync();
}
