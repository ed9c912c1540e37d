using CustomerEngine.Domain.Presence;
using CustomerEngine.Domain.Views;
using CustomerEngine.Grains.Runtime;

namespace CustomerEngine.Grains.Presence;

/// <summary>One store: who is in it right now.</summary>
public interface IStorePresenceGrain : IGrain
{
    /// <summary>
    /// Records a presence signal of a customer at the time it happened, and tells the store's
    /// dashboards when it makes the customer arrive or leave (<paramref name="summary"/> is what an
    /// arrival shows). Returns whether the customer is present afterwards.
    /// </summary>
    Task<bool> RecordAsync(string customerId, PresenceSignal signal, DateTimeOffset at, CustomerSummary summary);

    /// <summary>Customers who entered and have not left, and were seen within the time-out.</summary>
    Task<IReadOnlyList<PresentCustomer>> GetPresentAsync();

    /// <summary>What the store holds about one customer, or null when nothing.</summary>
    Task<CustomerPresenceRecord?> GetCustomerAsync(string customerId);

    /// <summary>
    /// Forgets an erased customer at once and durably: a present customer is announced as gone,
    /// and the store's state is written before this returns. On a shared store, the records of
    /// nodes that are gone are taken over first, and the live nodes are asked to forget the
    /// customer in their own (<see cref="ForgetHereAsync"/>).
    /// </summary>
    Task ForgetAsync(string customerId);

    /// <summary>As <see cref="ForgetAsync"/>, in this node's record of the store only.</summary>
    Task ForgetHereAsync(string customerId);
}
