namespace CustomerEngine.Storage.Customers;

/// <summary>One customer's row in the index. Enumerated values are stored as their API names (e.g. <c>atRisk</c>).</summary>
public sealed record CustomerIndexEntry(
    string CustomerId,
    string? Name,
    string Kind,
    string Stage,
    string? Tier,
    string? HomeStoreId,
    string? LastStoreId,
    string? PriceSensitivity,
    string? Loyalty,
    string? ChannelPreference,
    string? NpsCategory,
    int OpenComplaints,
    int Frequency,
    decimal Monetary,
    DateTimeOffset? LastPurchaseAt,
    DateTimeOffset? LastSeenAt,
    DateTimeOffset? NextDueAt);
