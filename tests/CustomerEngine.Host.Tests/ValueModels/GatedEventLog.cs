using CustomerEngine.Storage.Events;

namespace CustomerEngine.Host.Tests.ValueModels;

/// <summary>
/// The real event log, except that a walk through the purchases stops after its first page until the test opens
/// the gate: a fit is then reliably caught mid-run.
/// </summary>
public sealed class GatedEventLog(IEventLog inner, Task gate) : IEventLog
{
    public Task<IReadOnlyList<AppendOutcome>> AppendAsync(IReadOnlyList<EventToAppend> events, CancellationToken cancellationToken = default) =>
        inner.AppendAsync(events, cancellationToken);

    public Task<IReadOnlyList<StoredEvent>> ReadStreamsAsync(IReadOnlyCollection<string> streamKeys, long afterSequence, CancellationToken cancellationToken = default) =>
        inner.ReadStreamsAsync(streamKeys, afterSequence, cancellationToken);

    public Task<StreamStats> ReadStreamStatsAsync(IReadOnlyCollection<string> streamKeys, CancellationToken cancellationToken = default) =>
        inner.ReadStreamStatsAsync(streamKeys, cancellationToken);

    public async Task<IReadOnlyList<StoredEvent>> ScanAsync(string type, long afterSequence, int limit, CancellationToken cancellationToken = default)
    {
        if (type == "purchase" && afterSequence > 0)
        {
            await gate.WaitAsync(cancellationToken);
        }

        return await inner.ScanAsync(type, afterSequence, limit, cancellationToken);
    }

    public Task<long> CountAsync(CancellationToken cancellationToken = default) => inner.CountAsync(cancellationToken);
}
