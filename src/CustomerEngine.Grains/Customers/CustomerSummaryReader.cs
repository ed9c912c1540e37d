using CustomerEngine.Domain.Views;
using CustomerEngine.Grains.Runtime;
using CustomerEngine.Storage.Customers;
using CustomerEngine.Storage.Notifications;

namespace CustomerEngine.Grains.Customers;

/// <summary>
/// Reads the one-line summaries of customers that a board shows (a store's presence, a watched
/// customer) without moving them between nodes. A customer active on this node, or any customer
/// while no other node shares the store, is read from its grain, as fresh as it gets. Otherwise
/// another node may serve the customer, and a grain call here would activate it on this node and
/// make that node drop its copy (decision 67), so a dashboard joining a store would pull every
/// customer in it across; such a customer is read from the customer index instead, which trails
/// the serving node by its flush interval (<see cref="CustomerIndexOptions"/>). A customer with no
/// index row yet (registered on another node in the last moment) is left out.
/// </summary>
public sealed class CustomerSummaryReader(GrainRuntime grains, ICustomerIndex index, NodePeers peers)
{
    /// <summary>The summaries of the customers named that exist, by customer id.</summary>
    public async Task<IReadOnlyDictionary<string, CustomerSummary>> ReadAsync(IReadOnlyCollection<string> customerIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        var othersMayServe = peers.Any;
        var fromGrains = new List<Task<CustomerSummary?>>(customerIds.Count);
        var fromIndex = new List<string>();
        foreach (var customerId in customerIds.Distinct(StringComparer.Ordinal))
        {
            if (othersMayServe && !grains.IsActive<ICustomerGrain>(customerId))
            {
                fromIndex.Add(customerId);
            }
            else
            {
                fromGrains.Add(grains.GetGrain<ICustomerGrain>(customerId).GetSummaryAsync());
            }
        }

        var summaries = new Dictionary<string, CustomerSummary>(customerIds.Count, StringComparer.Ordinal);
        if (fromIndex.Count > 0)
        {
            foreach (var entry in await index.ReadAsync(fromIndex, cancellationToken).ConfigureAwait(false))
            {
                if (CustomerIndexRow.SummaryOf(entry) is { } summary)
                {
                    summaries[summary.CustomerId] = summary;
                }
            }
        }

        foreach (var summary in await Task.WhenAll(fromGrains).ConfigureAwait(false))
        {
            if (summary is not null)
            {
                summaries[summary.CustomerId] = summary;
            }
        }

        return summaries;
    }

    /// <summary>The summary of one customer, or null when there is none.</summary>
    public async Task<CustomerSummary?> ReadAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        return (await ReadAsync([customerId], cancellationToken).ConfigureAwait(false)).GetValueOrDefault(customerId);
    }
}
