using System.Collections.Concurrent;
using System.Globalization;
using CustomerEngine.Grains.Campaigns;
using CustomerEngine.Grains.Customers;
using CustomerEngine.Grains.Presence;
using CustomerEngine.Grains.Runtime;
using CustomerEngine.Grains.Runtime.Storage;
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
    IGrainStateStore states,
    TimeProvider clock,
    ILogger<CustomerEraser> logger)
{
    /// <summary>How long an erasure is remembered for removing a snapshot written after it from before it.</summary>
    public static readonly TimeSpan FenceFor = TimeSpan.FromMinutes(5);

    /// <summary>The topic on which a node tells the others sharing the store what it erased.</summary>
    public const string ErasedTopic = "customers.erased";

    /// <summary>The stored name of the customer grain: its state and reminders are the customer's.</summary>
    public static readonly string CustomerGrainType = typeof(ICustomerGrain).FullName!;

    // The log position of the latest erasure in this process. An event at or below it that a grain
    // has not applied yet was appended before that erasure and may have been erased with it.
    private long _erasedThrough;

    // Streams erased lately, here or on another node, with the erasure's log position and when it
    // was heard of; only the stream keys, and only for FenceFor.
    private readonly ConcurrentDictionary<string, (long Position, DateTimeOffset At)> _fenced = new(StringComparer.Ordinal);

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
        Remember(record.LogPosition, streams);
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
        Remember(logPosition, streams);
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

    /// <summary>
    /// Called when another node says its copy of <paramref name="stream"/> wrote a snapshot because
    /// this one activated the customer (<see cref="CustomerActivations.ChangedTopic"/>). A copy that
    /// never wrote one, told of the erasing node's activation just before an erasure, can write its
    /// first snapshot just after it: nothing refuses a first write. When the stream was erased
    /// lately and has no event after the erasure, the stored snapshot can only be from before it,
    /// and is removed.
    /// </summary>
    internal async Task ChangedElsewhereAsync(string stream)
    {
        // An old fence is swept by the next erasure's Remember.
        if (!_fenced.TryGetValue(stream, out var fence) || clock.GetUtcNow() - fence.At > FenceFor)
        {
            return;
        }

        // Events after the erasure make a new customer, whose own snapshot this could be.
        if ((await log.ReadStreamStatsAsync([stream])).MaxSequence > fence.Position)
        {
            return;
        }

        var id = new GrainStateId(CustomerGrainType, stream, CustomerGrain.StateName);
        if (await states.ReadAsync(id) is not { } stored)
        {
            return;
        }

        try
        {
            await states.ClearAsync(id, stored.Version);
            logger.LogWarning("A snapshot of an erased customer written by another node after the erasure was removed");
        }
        catch (GrainStateConflictException)
        {
            // Removed by another node that heard the same.
        }

        // A copy activated here meanwhile may have read it.
        await runtime.DeactivateIfActiveAsync<ICustomerGrain>(stream, DeactivationReason.ChangedElsewhere);
    }

    // An erasure here or on another node: its position guards deliveries, its streams fence late snapshots.
    private void Remember(long position, IReadOnlyList<string> streams)
    {
        RaiseErasedThrough(position);
        var now = clock.GetUtcNow();
        foreach (var stream in streams)
        {
            _fenced[stream] = (position, now);
        }

        foreach (var (stream, fence) in _fenced)
        {
            if (now - fence.At > FenceFor)
            {
                _fenced.TryRemove(new KeyValuePair<string, (long, DateTimeOffset)>(stream, fence));
            }
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
