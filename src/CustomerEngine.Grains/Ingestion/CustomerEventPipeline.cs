using System.Collections.Concurrent;
using CustomerEngine.Domain.Events;
using CustomerEngine.Grains.CrossSell;
using CustomerEngine.Grains.Customers;
using CustomerEngine.Grains.Runtime;
using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Storage.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Grains.Ingestion;

/// <summary>
/// Makes valid events durable in one append, then hands the new ones to their customers' grains.
/// The append comes first so that an acknowledged event is never only in memory.
/// </summary>
/// <remarks>
/// By default a batch is answered once it is durable and queued in its grains' mailboxes (decision 50).
/// Stopping the host waits for every queued batch to be applied before the grains are deactivated:
/// register this after the grain runtime, because hosted services stop in reverse order.
/// </remarks>
public sealed class CustomerEventPipeline(
    IEventLog log,
    IGrainFactory grains,
    LiveCrossSellModel crossSell,
    IOptions<EventDeliveryOptions> options,
    ILogger<CustomerEventPipeline> logger) : IHostedService
{
    private readonly ConcurrentDictionary<Task, int> _deliveries = new();
    private long _queuedEvents;

    /// <summary>Events acknowledged whose grains have not finished applying them.</summary>
    public long QueuedEvents => Interlocked.Read(ref _queuedEvents);

    /// <summary>Appends and delivers; returns how many events were new and how many were duplicates.</summary>
    public async Task<PipelineResult> AcceptAsync(IReadOnlyList<CustomerEvent> events)
    {
        if (events.Count == 0)
        {
            return new PipelineResult(0, 0);
        }

        var appends = new List<EventToAppend>(events.Count);
        foreach (var e in events)
        {
            appends.Add(new EventToAppend(e.EventId, e.StreamKey, e.Type, e.OccurredAt, CustomerEventJson.Serialize(e)));
        }

        // Not cancellable: once the append may have happened, the events must also reach their grains.
        var outcomes = await log.AppendAsync(appends, CancellationToken.None);
        var accepted = new List<SequencedEvent>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            if (outcomes[i].Sequence is { } sequence)
            {
                accepted.Add(new SequencedEvent(sequence, events[i]));
            }
        }

        // New events only, so a redelivered purchase is never a second basket. Learning takes
        // microseconds per basket and does not wait for any grain.
        crossSell.LearnAppended(accepted);
        await DeliverAllAsync(accepted);
        if (accepted.Count < events.Count)
        {
            await Task.WhenAll(events.Where((_, i) => outcomes[i].Sequence is null).Select(e => e.StreamKey).Distinct(StringComparer.Ordinal).Select(CatchUpAsync));
        }

        return new PipelineResult(accepted.Count, events.Count - accepted.Count) { Outcomes = outcomes };
    }

    // Every call below is queued in its grain's mailbox before this returns, so whatever the caller
    // asks a customer next runs after these events.
    private Task DeliverAllAsync(List<SequencedEvent> accepted)
    {
        if (accepted.Count == 0)
        {
            return Task.CompletedTask;
        }

        var queued = Interlocked.Add(ref _queuedEvents, accepted.Count);
        var mustWait = options.Value.WaitForGrains || queued > options.Value.MaxQueuedEvents;
        var anonymous = new List<Task>();
        var all = new List<Task>();
        foreach (var group in accepted.GroupBy(e => e.Event.StreamKey, StringComparer.Ordinal))
        {
            var delivery = DeliverAsync(group.Key, [.. group]);
            all.Add(delivery);

            // A visitor's events may be forwarded to the customer it merged into only once the
            // visitor's grain has run, so they are awaited to keep that customer's reads in order.
            if (group.Key.StartsWith(CustomerEvent.AnonymousStreamPrefix, StringComparison.Ordinal))
            {
                anonymous.Add(delivery);
            }
        }

        var delivered = Track(Task.WhenAll(all), accepted.Count);
        return mustWait ? delivered : Task.WhenAll(anonymous);
    }

    private async Task Track(Task delivered, int count)
    {
        _deliveries.TryAdd(delivered, 0);
        try
        {
            await delivered;
        }
        finally
        {
            Interlocked.Add(ref _queuedEvents, -count);
            _deliveries.TryRemove(delivered, out _);
        }
    }

    // A duplicate may be an event an earlier attempt stored but never delivered (the answer was
    // lost with the connection after the commit), so its customer checks the log for it.
    private async Task CatchUpAsync(string streamKey)
    {
        try
        {
            await grains.GetGrain<ICustomerGrain>(streamKey).CatchUpAsync();
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "A customer could not catch up with its log after a duplicate; its next activation will");
        }
    }

    private async Task DeliverAsync(string streamKey, IReadOnlyList<SequencedEvent> events)
    {
        try
        {
            var customer = grains.GetGrain<ICustomerGrain>(streamKey);
            var report = await customer.ApplyAsync(events);
            if (report.ForwardedTo is { } owner && (await grains.GetGrain<ICustomerGrain>(owner).ApplyAsync(events)).IsNotHeld)
            {
                // The visitor's activation read that it was merged before an erasure took that
                // customer, the visitor's history and its state: these events start a new visitor,
                // which a fresh activation reads from the store.
                await customer.ForgetAsync();
                if ((await customer.ApplyAsync(events)).ForwardedTo is { } stillOwner)
                {
                    logger.LogWarning("Visitor {VisitorKey} is stored as merged into {CustomerKey}, which does not hold it; {Count} durable events wait for their next replay", streamKey, stillOwner, events.Count);
                }
            }
        }
        catch (GrainStateConflictException ex)
        {
            // Another node (or an activation that outlived a failover) wrote the customer meanwhile:
            // expected when a customer moves between nodes, and repaired by the next activation.
            logger.LogWarning(ex, "Customer {CustomerKey} was written by another activation; its next activation reads the store and replays {Count} durable events", streamKey, events.Count);
        }
        catch (Exception ex)
        {
            // The events are durable; the grain deactivated itself and replays them on its next call.
            logger.LogError(ex, "Applying {Count} durable events to a customer failed; they will be replayed", events.Count);
        }
    }

    /// <summary>
    /// Completes once every batch acknowledged before the call has been applied by its grains; batches
    /// acknowledged meanwhile are not waited for, so it ends even under constant traffic.
    /// </summary>
    /// <param name="patience">How long to wait at most; past it, this completes anyway (a read should not hang behind a backlog).</param>
    /// <param name="cancellationToken">Stops the wait early.</param>
    public async Task AnsweredBatchesAppliedAsync(TimeSpan patience, CancellationToken cancellationToken = default)
    {
        if (!_deliveries.IsEmpty)
        {
            await Task.WhenAll(_deliveries.Keys).WaitAsync(patience, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>
    /// Completes once every batch acknowledged so far (and any acknowledged meanwhile) has been applied
    /// by its grains: for work that reads what the grains derive from events, such as the customer index.
    /// </summary>
    public async Task DeliveredAsync(CancellationToken cancellationToken = default)
    {
        while (!_deliveries.IsEmpty)
        {
            await Task.WhenAll(_deliveries.Keys).WaitAsync(cancellationToken);
        }
    }

    Task IHostedService.StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // The grains flush their state when the runtime, which stops next, deactivates them.
    Task IHostedService.StopAsync(CancellationToken cancellationToken) => DeliveredAsync(cancellationToken);
}
