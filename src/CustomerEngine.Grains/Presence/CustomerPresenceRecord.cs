namespace CustomerEngine.Grains.Presence;

/// <summary>What one store's presence holds about one customer, for the customer's data export.</summary>
/// <param name="StoreId">The store.</param>
/// <param name="CustomerId">The customer (or <c>anon:{id}</c> visitor) as the store knows them.</param>
/// <param name="EnteredAt">The latest time they entered.</param>
/// <param name="LeftAt">The latest time they left.</param>
/// <param name="LastSeenAt">The latest time they entered or did something in the store.</param>
/// <param name="Present">Whether they count as present now.</param>
public sealed record CustomerPresenceRecord(
    string StoreId,
    string CustomerId,
    DateTimeOffset? EnteredAt,
    DateTimeOffset? LeftAt,
    DateTimeOffset? LastSeenAt,
    bool Present);
