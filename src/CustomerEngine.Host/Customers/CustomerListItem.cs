using CustomerEngine.Storage.Customers;

namespace CustomerEngine.Host.Customers;

/// <summary>One customer in the list, as the index holds it (it trails the live grains by at most a flush interval).</summary>
public sealed record CustomerListItem(
    string CustomerId,
    string? Name,
    string Kind,
    string Stage,
    string? Tier,
    string? HomeStoreId,
    string? LastStoreId,
    CustomerListSegments Segments,
    string? NpsCategory,
    int OpenComplaints,
    int Frequency,
    decimal Monetary,
    DateTimeOffset? LastPurchaseAt,
    DateTimeOffset? LastSeenAt)
{
    /// <summary>The list item of an index entry.</summary>
    public static CustomerListItem From(CustomerIndexEntry e) => new(
        e.CustomerId, e.Name, e.Kind, e.Stage, e.Tier, e.HomeStoreId, e.LastStoreId,
        new CustomerListSegments(e.PriceSensitivity, e.Loyalty, e.ChannelPreference),
        e.NpsCategory, e.OpenComplaints, e.Frequency, e.Monetary, e.LastPurchaseAt, e.LastSeenAt);
}

/// <summary>A list item's segments.</summary>
public sealed record CustomerListSegments(string? PriceSensitivity, string? Loyalty, string? Channel);
