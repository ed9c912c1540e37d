using CustomerEngine.Storage.Events;

namespace CustomerEngine.Host.Tests.CrossSell;

/// <summary>The real event log, except that scans wait for a gate: lets a test post while a backfill is sure to be running.</summary>
public sealed class GatedEventLog(IEventLog log, Task gate) : IEventLog
{
    public Task<IReadOnlyList<AppendOutcome>> AppendAsync(IReadOnlyList<EventToAppend> events, CancellationToken cancellationToken = default) =>
        log.AppendAsync(events, cancellationToken);

    public Task<IReadOnlyList<StoredEvent>> ReadStreamsAsync(IReadOnlyCollection<string> streamKeys, long afterSequence, CancellationToken cancellationToken = default) =>
        log.ReadStreamsAsync(streamKeys, afterSequence, cancellationToken);

    public Task<StreamStats> ReadStreamStatsAsync(IReadOnlyCollection<string> streamKeys, CancellationToken cancellationToken = default) =>
        log.ReadStreamStatsAsync(streamKeys, cancellationToken);

    public async Task<IReadOnlyList<StoredEvent>> ScanAsync(string type, long afterSequence, int limit, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        return await log.ScanAsync(type, afterSequence, limit, cancellationToken);
    }

    public Task<long> CountAsync(CancellationToken cancellationToken = default) => log.CountAsync(cancellationToken);
}
