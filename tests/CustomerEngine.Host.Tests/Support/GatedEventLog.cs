using CustomerEngine.Storage.Events;

namespace CustomerEngine.Host.Tests.Support;

/// <summary>
/// The real event log, except that the scans <paramref name="holds"/> picks (all of them by default)
/// wait for <paramref name="gate"/>: a test can then be sure a backfill or a fit is running while it acts.
/// </summary>
public sealed class GatedEventLog(IEventLog inner, Task gate, Func<string, long, bool>? holds = null) : IEventLog
{
    public Task<IReadOnlyList<AppendOutcome>> AppendAsync(IReadOnlyList<EventToAppend> events, CancellationToken cancellationToken = default) =>
        inner.AppendAsync(events, cancellationToken);

    public Task<IReadOnlyList<StoredEvent>> ReadStreamsAsync(IReadOnlyCollection<string> streamKeys, long afterSequence, CancellationToken cancellationToken = default) =>
        inner.ReadStreamsAsync(streamKeys, afterSequence, cancellationToken);

    public Task<StreamStats> ReadStreamStatsAsync(IReadOnlyCollection<string> streamKeys, CancellationToken cancellationToken = default) =>
        inner.ReadStreamStatsAsync(streamKeys, cancellationToken);

    public async Task<IReadOnlyList<StoredEvent>> ScanAsync(string type, long afterSequence, int limit, CancellationToken cancellationToken = default)
    {
        if (holds?.Invoke(type, afterSequence) ?? true)
        {
            await gate.WaitAsync(cancellationToken);
        }

        return await inner.ScanAsync(type, afterSequence, limit, cancellationToken);
    }

    public Task<long> CountAsync(CancellationToken cancellationToken = default) => inner.CountAsync(cancellationToken);
}
