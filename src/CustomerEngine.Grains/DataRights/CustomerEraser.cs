using System.Globalization;
using CustomerEngine.Grains.Campaigns;
using CustomerEngine.Grains.Customers;
using CustomerEngine.Grains.Presence;
using CustomerEngine.Grains.Runtime;
using CustomerEngine.Storage.Erasure;
using CustomerEngine.Storage.Events;
using CustomerEngine.Storage.Notifications;
using Microsoft.Extensions.Logging;

namespace CustomerEngine.Grains.DataRights;

/// <summary>
/// Erases one customer everywhere the engine keeps them: store presence, campaigns, queued index
/// rows, and, in one store transaction, the event log, the index, grain state and reminders. It
/// runs inside the customer grain's turn, so no event of the customer is applied meanwhile.
/// </summary>
public sealed class CustomerEraser(
    ICustomerErasure store,
    IEventLog log,
    IGrainFactory grains,
    CustomerIndexWriter index,
    ActiveCampaigns campaigns,
    ErasureSubjectDigest digest,
    INodeNotifications nodes,
    NodePeers peers,
    GrainRuntime runtime,
    ILogger<CustomerEraser> logger)
{
    /// <summary>The topic on which a node tells the others sharing the store what it erased.</summary>
    public const string ErasedTopic = "customers.erased";

    /// <summary>The stored name of the customer grain: its state and reminders are the customer's.</summary>
    public static readonly string CustomerGrainType = typeof(ICustomerGrain).FullName!;

    // The log position of the latest erasure in this process. An event at or below it that a grain
    // has not applied yet was appended before that erasure and may have been erased with it.
    private long _erasedThrough;

    /// <summary>
    /// True when an event with this sequence was appended before an erasure of this process and may
    /// be gone from the log: a grain about to apply it replays from the log instead, so it never
    /// holds an event the log no longer has (one appended, then erased, then delivered).
    /// </summary>
    public bool MayHaveErased(long sequence) => sequence <= Volatile.Read(ref _erasedThrough);

    /// <summary>
    /// Erases the customer <paramref name="customerId"/> and the anonymous streams merged into it.
    /// Call only from that customer's grain, in its turn, and let the grain drop its activation
    /// afterwards without writing anything.
    /// </summary>
    internal async Task<ErasureRecord> EraseAsync(string customerId, IReadOnlyList<string> streams, string requestedBy, DateTimeOffset now)
    {
        var events = await log.ReadStreamsAsync(streams, afterSequence: 0);

        // The derived records go first: if the store transaction then fails, the erasure is
        // retried and what was dropped is rebuilt from the customer's next events; the other
        // order could leave personal data behind an audit record that says it is gone.
        await index.ForgetAsync(streams);
        foreach (var storeId in StoredEventStores.Of(events))
        {
            var presence = grains.GetGrain<IStorePresenceGrain>(storeId);
            foreach (var stream in streams)
            {
                await presence.ForgetAsync(stream);
            }
        }

        foreach (var campaign in campaigns.Forget(streams))
        {
            await grains.GetGrain<ICampaignGrain>(campaign.Id).SaveResultsAsync(campaign.Snapshot());
        }

        var record = await store.EraseCustomerAsync(
            new CustomerErasureRequest(Guid.NewGuid().ToString("N"), now, requestedBy, digest.Of(customerId), streams, [CustomerGrainType]),
            CancellationToken.None);
        RaiseErasedThrough(record.LogPosition);
        if (peers.Any)
        {
            // Other nodes may hold the customer too: a copy, queued index rows, campaign records.
            nodes.Publish(ErasedTopic, string.Join('\n', [record.LogPosition.ToString(CultureInfo.InvariantCulture), .. streams]));
        }

        // The merged visitors' activations still say whom they were merged into.
        foreach (var stream in streams.Where(s => !string.Equals(s, customerId, StringComparison.Ordinal)))
        {
            await grains.GetGrain<ICustomerGrain>(stream).ForgetAsync();
        }

        // The audit record's id, never the customer's: logs are kept and shipped elsewhere.
        logger.LogInformation(
            "Erasure {ErasureId} requested by {RequestedBy}: {Events} events, {States} states, {IndexEntries} index entries and {Reminders} reminders of {Streams} streams deleted",
            record.ErasureId, record.RequestedBy, record.EventsErased, record.StatesErased, record.IndexEntriesErased, record.RemindersErased, record.StreamsErased);
        return record;
    }

    /// <summary>
    /// Forgets what this node holds of customers another node erased (<see cref="ErasedTopic"/>):
    /// its copies are dropped without writing, its queued index rows and campaign records of them
    /// go, and its grains replay from the log an event appended before that erasure.
    /// </summary>
    internal async Task ErasedElsewhereAsync(long logPosition, IReadOnlyList<string> streams)
    {
        RaiseErasedThrough(logPosition);
        foreach (var stream in streams)
        {
            await runtime.DeactivateIfActiveAsync<ICustomerGrain>(stream, DeactivationReason.ChangedElsewhere);
        }

        await index.ForgetAsync(streams);
        foreach (var campaign in campaigns.Forget(streams))
        {
            await grains.GetGrain<ICampaignGrain>(campaign.Id).SaveResultsAsync(campaign.Snapshot());
        }
    }

    private void RaiseErasedThrough(long position)
    {
        var current = Volatile.Read(ref _erasedThrough);
        while (position > current)
        {
            var seen = Interlocked.CompareExchange(ref _erasedThrough, position, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
