namespace CustomerEngine.Domain.Presence;

/// <summary>A customer currently in a store: when they came in and when they were last seen.</summary>
public sealed record PresentCustomer(string CustomerId, DateTimeOffset EnteredAt, DateTimeOffset LastSeenAt);
