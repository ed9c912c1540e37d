using CustomerEngine.Durability.Tests.Stores;
using CustomerEngine.Durability.Tests.Traffic;
using CustomerEngine.Storage.Events;

namespace CustomerEngine.Durability.Tests.Verification;

/// <summary>What the event log holds for a workload's customers, read with the provider's own classes rather than through the engine under test.</summary>
public sealed class LogContents
{
    private const int Examples = 8;
    private readonly Dictionary<string, List<StoredEvent>> _byCustomer;

    private LogContents(IReadOnlyList<StoredEvent> events, long totalCount)
    {
        Events = events;
        TotalCount = totalCount;
        _byCustomer = events.GroupBy(e => e.StreamKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }

    /// <summary>The events of the workload's customers, by sequence.</summary>
    public IReadOnlyList<StoredEvent> Events { get; }

    /// <summary>Every event in the log, the workload's or not.</summary>
    public long TotalCount { get; }

    /// <summary>The customers with at least one event.</summary>
    public IReadOnlyCollection<string> Customers => _byCustomer.Keys;

    public static Task<LogContents> ReadAsync(EngineStoreUnderTest store, IReadOnlyCollection<string> customerIds) =>
        store.ReadAsync(async log => new LogContents(await log.ReadStreamsAsync(customerIds, afterSequence: 0), await log.CountAsync()));

    public IReadOnlyList<StoredEvent> Of(string customerId) => _byCustomer.TryGetValue(customerId, out var events) ? events : [];

    /// <summary>Fails, naming the events, unless every event of <paramref name="batches"/> is in the log exactly once.</summary>
    public void AssertHoldsExactlyOnce(IReadOnlyCollection<EventBatch> batches, string which)
    {
        var stored = Events.GroupBy(e => e.EventId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var expected = batches.SelectMany(b => b.EventIds.Select(id => (Id: id, Batch: b))).ToList();
        var missing = expected.Where(e => !stored.ContainsKey(e.Id)).ToList();
        Assert.True(
            missing.Count == 0,
            $"{missing.Count} of the {expected.Count} events {which} are not in the log (lost), e.g. {string.Join(", ", missing.Take(Examples).Select(m => $"{m.Id} of {m.Batch} [{string.Join("; ", m.Batch.Attempts)}]"))}");

        var duplicated = expected.Where(e => stored.GetValueOrDefault(e.Id) > 1).ToList();
        Assert.True(
            duplicated.Count == 0,
            $"{duplicated.Count} of the {expected.Count} events {which} are in the log more than once, e.g. {string.Join(", ", duplicated.Take(Examples).Select(d => $"{d.Id} ×{stored[d.Id]}"))}");
    }

    /// <summary>Fails unless the log holds nothing but the events of <paramref name="sent"/>: no event twice under another id, none from nowhere.</summary>
    public void AssertHoldsNothingBut(IReadOnlyCollection<EventBatch> sent)
    {
        var sentIds = sent.SelectMany(b => b.EventIds).ToHashSet(StringComparer.Ordinal);
        var unknown = Events.Where(e => !sentIds.Contains(e.EventId)).ToList();
        Assert.True(unknown.Count == 0, $"the log holds {unknown.Count} events nobody sent, e.g. {string.Join(", ", unknown.Take(Examples).Select(e => $"{e.EventId} ({e.Type}, {e.StreamKey})"))}");
        Assert.True(TotalCount == sentIds.Count, $"the log holds {TotalCount} events in all, but {sentIds.Count} distinct events were sent");
    }
}
