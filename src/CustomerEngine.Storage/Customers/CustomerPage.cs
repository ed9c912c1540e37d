namespace CustomerEngine.Storage.Customers;

/// <summary>A page of index entries and the number of entries matching the query in all.</summary>
public sealed record CustomerPage(long Total, IReadOnlyList<CustomerIndexEntry> Items);
