namespace CustomerEngine.Storage.Customers;

/// <summary>
/// The arguments every <see cref="ICustomerIndex"/> provider refuses, checked in one place so the
/// providers refuse the same things with the same exceptions (the conformance suite tests them).
/// </summary>
public static class CustomerIndexArguments
{
    /// <summary>Throws unless every entry has a customer id, a kind and a stage.</summary>
    public static void Require(IReadOnlyList<CustomerIndexEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i] ?? throw new ArgumentException($"Entry {i} is null.", nameof(entries));
            ArgumentException.ThrowIfNullOrEmpty(entry.CustomerId, nameof(entries));
            ArgumentException.ThrowIfNullOrEmpty(entry.Kind, nameof(entries));
            ArgumentException.ThrowIfNullOrEmpty(entry.Stage, nameof(entries));
        }
    }

    /// <summary>Throws unless every assignment has a customer id and a tier.</summary>
    public static void Require(IReadOnlyList<TierAssignment> tiers)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        foreach (var assignment in tiers)
        {
            ArgumentException.ThrowIfNullOrEmpty(assignment.CustomerId, nameof(tiers));
            ArgumentException.ThrowIfNullOrEmpty(assignment.Tier, nameof(tiers));
        }
    }

    /// <summary>Throws unless every customer id is given.</summary>
    public static void Require(IReadOnlyCollection<string> customerIds)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        foreach (var customerId in customerIds)
        {
            ArgumentException.ThrowIfNullOrEmpty(customerId, nameof(customerIds));
        }
    }

    /// <summary>Throws unless the query asks for page 1 or later and at least one row per page.</summary>
    public static void Require(CustomerQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Page, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1, nameof(query));
    }
}
