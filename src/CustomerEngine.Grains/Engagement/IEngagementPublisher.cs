using CustomerEngine.Domain.Views;
using CustomerEngine.Engagement.Suggestions;

namespace CustomerEngine.Grains.Engagement;

/// <summary>
/// The one seam through which the engine pushes to front-line dashboards. Grains call it from
/// inside their turn, so implementations must return at once (buffer, coalesce and send on their
/// own schedule) and must never throw. The in-process implementation pushes over the SignalR hub;
/// a cross-node one (PostgreSQL notifications) can replace it without touching the grains.
/// </summary>
public interface IEngagementPublisher
{
    /// <summary>A customer entered <paramref name="storeId"/>: for that store's dashboards.</summary>
    void CustomerArrived(string storeId, CustomerSummary summary);

    /// <summary>A customer left <paramref name="storeId"/> (or timed out of it).</summary>
    void CustomerLeft(string storeId, string customerId);

    /// <summary>A customer's summary changed: for their watchers and, when present, their store's dashboards.</summary>
    void CustomerUpdated(string? presentInStoreId, CustomerSummary summary);

    /// <summary>
    /// A customer's current suggestions changed. Bursts for one customer are coalesced: only the
    /// latest list is sent per flush.
    /// </summary>
    void SuggestionsUpdated(string customerId, string? presentInStoreId, IReadOnlyList<Suggestion> suggestions);
}
