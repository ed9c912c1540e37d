namespace CustomerEngine.Storage.Customers;

/// <summary>One customer's row in the index. Enumerated values are stored as their API names (e.g. <c>atRisk</c>).</summary>
/// <remarks>
/// <see cref="PurchaseDays"/>, <see cref="FirstPurchaseAt"/> and <see cref="RepeatDaySpend"/> are the value models'
/// inputs, so the whole base can be ranked by lifetime value without activating every customer.
/// <see cref="PurchaseDays"/> is null for a row written before the index kept them.
/// </remarks>
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
    DateTimeOffset? NextDueAt,
    int? PurchaseDays = null,
    DateTimeOffset? FirstPurchaseAt = null,
    decimal RepeatDaySpend = 0m);
