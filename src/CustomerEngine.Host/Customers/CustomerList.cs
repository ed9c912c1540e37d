namespace CustomerEngine.Host.Customers;

/// <summary>A page of the customer list.</summary>
public sealed record CustomerList(int Page, int PageSize, long Total, IReadOnlyList<CustomerListItem> Items);
