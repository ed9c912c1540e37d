using CustomerEngine.Domain.Presence;
using CustomerEngine.Grains.Runtime;

namespace CustomerEngine.Grains.Presence;

/// <summary>One store: who is in it right now.</summary>
public interface IStorePresenceGrain : IGrain
{
    /// <summary>Records a presence signal of a customer at the time it happened.</summary>
    Task RecordAsync(string customerId, PresenceSignal signal, DateTimeOffset at);

    /// <summary>Customers who entered and have not left, and were seen within the time-out.</summary>
    Task<IReadOnlyList<PresentCustomer>> GetPresentAsync();
}
