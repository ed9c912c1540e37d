using CustomerEngine.Domain.Events;
using CustomerEngine.Grains.CrossSell;
using CustomerEngine.Grains.Customers;
using CustomerEngine.Grains.Runtime;
using CustomerEngine.Storage.Events;
using Microsoft.Extensions.Logging;

namespace CustomerEngine.Grains.Ingestion;

/// <summary>
/// Makes valid events durable in one append, then hands the new ones to their customers' grains.
/// The append comes first so that an acknowledged event is never only in memory.
/// </summary>
public sealed class CustomerEventPipeline(IEventLog log, IGrainFactory grains, LiveCrossSellModel crossSell, ILogger<CustomerEventPipeline> logger)
{
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
        await Task.WhenAll(accepted.GroupBy(e => e.Event.StreamKey, StringComparer.Ordinal).Select(g => DeliverAsync(g.Key, [.. g])));
        if (accepted.Count < events.Count)
        {
            await Task.WhenAll(events.Where((_, i) => outcomes[i].Sequence is null).Select(e => e.StreamKey).Distinct(StringComparer.Ordinal).Select(CatchUpAsync));
        }

        return new PipelineResult(accepted.Count, events.Count - accepted.Count) { Outcomes = outcomes };
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
            var report = await grains.GetGrain<ICustomerGrain>(streamKey).ApplyAsync(events);
            if (report.ForwardedTo is { } owner)
            {
                await grains.GetGrain<ICustomerGrain>(owner).ApplyAsync(events);
            }
        }
        catch (Exception ex)
        {
            // The events are durable; the grain deactivated itself and replays them on its next call.
            logger.LogError(ex, "Applying {Count} durable events to a customer failed; they will be replayed", events.Count);
        }
    }
}
