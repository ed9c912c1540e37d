using CustomerEngine.Grains.Campaigns;
using CustomerEngine.Grains.Customers;
using CustomerEngine.Grains.Presence;
using CustomerEngine.Grains.Runtime;
using CustomerEngine.Storage.Erasure;

namespace CustomerEngine.Grains.DataRights;

/// <summary>
/// Customers' data rights: an export of everything the engine holds about a customer, erasure,
/// and the audit trail of erasures.
/// </summary>
public sealed class CustomerDataRights(IGrainFactory grains, ICustomerErasure erasures, ActiveCampaigns campaigns, ErasureSubjectDigest digest)
{
    /// <summary>Whether erasures can be found by customer id (a <see cref="DataRightsOptions.ErasureKey"/> is configured).</summary>
    public bool FindsErasuresByCustomerId => digest.IsEnabled;

    /// <summary>
    /// Everything held about the customer: the 360 view, every event of its streams, its
    /// engagement state, what campaigns remember of it and its store presence. Null when the
    /// engine holds no events for the id.
    /// </summary>
    public async Task<CustomerDataExport?> ExportAsync(string customerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        if (await grains.GetGrain<ICustomerGrain>(customerId).ExportAsync() is not { } held)
        {
            return null;
        }

        var presence = new List<CustomerPresenceRecord>();
        foreach (var storeId in StoredEventStores.Of(held.Events))
        {
            foreach (var stream in held.Streams)
            {
                if (await grains.GetGrain<IStorePresenceGrain>(storeId).GetCustomerAsync(stream) is { } record)
                {
                    presence.Add(record);
                }
            }
        }

        return new CustomerDataExport(customerId, held, campaigns.Memberships(held.Streams), presence);
    }

    /// <summary>
    /// Erases the customer (see <see cref="ICustomerGrain.EraseAsync"/>); null when the engine holds
    /// no events for the id. <paramref name="requestedBy"/> goes into the audit record.
    /// </summary>
    public Task<ErasureRecord?> EraseAsync(string customerId, string requestedBy)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentException.ThrowIfNullOrEmpty(requestedBy);
        return grains.GetGrain<ICustomerGrain>(customerId).EraseAsync(requestedBy);
    }

    /// <summary>The newest erasure audit records, newest first; only those of <paramref name="customerId"/> when it is given.</summary>
    /// <exception cref="InvalidOperationException">A customer id is given but no erasure key is configured.</exception>
    public Task<IReadOnlyList<ErasureRecord>> ReadErasuresAsync(string? customerId, int limit)
    {
        if (customerId is null)
        {
            return erasures.ReadErasuresAsync(null, limit);
        }

        return digest.Of(customerId) is { } subject
            ? erasures.ReadErasuresAsync(subject, limit)
            : throw new InvalidOperationException("Erasures cannot be found by customer id without DataRights:ErasureKey.");
    }
}
