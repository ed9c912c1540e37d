using CustomerEngine.Domain.Views;

namespace CustomerEngine.Host.Stores;

/// <summary>The customers now in a store.</summary>
public sealed record StorePresenceView(string StoreId, int Count, IReadOnlyList<PresentCustomerView> Customers);

/// <summary>One customer in a store, with the summary staff need to greet them.</summary>
public sealed record PresentCustomerView(string CustomerId, DateTimeOffset EnteredAt, DateTimeOffset LastSeenAt, CustomerSummary? Customer);
