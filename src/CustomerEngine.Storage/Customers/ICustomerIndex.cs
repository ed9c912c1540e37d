namespace CustomerEngine.Storage.Customers;

/// <summary>
/// A queryable index of customer summaries, written by the customer grains, so that lists,
/// filters and engine-wide jobs do not have to activate every customer.
/// </summary>
public interface ICustomerIndex
{
    /// <summary>Inserts or replaces entries by customer id.</summary>
    Task UpsertAsync(IReadOnlyList<CustomerIndexEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>Removes a customer's entry; removing one that does not exist is not an error.</summary>
    Task RemoveAsync(string customerId, CancellationToken cancellationToken = default);

    /// <summary>A page of entries matching every given filter, ordered by customer id.</summary>
    Task<CustomerPage> QueryAsync(CustomerQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// The entries of the customers named, ordered by customer id; a name with no entry is left
    /// out, and a name given twice is read once. For boards that show a known set of customers.
    /// </summary>
    Task<IReadOnlyList<CustomerIndexEntry>> ReadAsync(IReadOnlyCollection<string> customerIds, CancellationToken cancellationToken = default);

    /// <summary>Ids of customers whose <see cref="CustomerIndexEntry.NextDueAt"/> is at or before <paramref name="now"/>, earliest first.</summary>
    Task<IReadOnlyList<string>> ReadDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default);

    /// <summary>The RFM and value-model inputs, stage and next due time of every customer with at least one purchase.</summary>
    IAsyncEnumerable<ValueInputRow> ReadValueInputsAsync(CancellationToken cancellationToken = default);

    /// <summary>Sets the value tier of many customers at once (the periodic ranking over the whole base).</summary>
    Task UpdateTiersAsync(IReadOnlyList<TierAssignment> tiers, CancellationToken cancellationToken = default);

    /// <summary>
    /// Counts the whole base by stage, tier and NPS category per segment, from one consistent read.
    /// It scans the index, so callers should not call it more often than they need.
    /// </summary>
    Task<CustomerCounts> CountCustomersAsync(CancellationToken cancellationToken = default);
}
