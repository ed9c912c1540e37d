namespace CustomerEngine.Storage.Customers;

/// <summary>
/// Filters for <see cref="ICustomerIndex.QueryAsync"/>; a null filter matches everything.
/// <paramref name="Segment"/> matches any of the three segment columns; <paramref name="StoreId"/>
/// matches the home store or the last store visited. <paramref name="Page"/> starts at 1.
/// </summary>
public sealed record CustomerQuery(string? Stage, string? Tier, string? Segment, string? StoreId, int Page, int PageSize);
