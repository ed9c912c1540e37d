using System.Collections.Concurrent;
using System.Diagnostics;

namespace CustomerEngine.LoadTests.Load;

/// <summary>
/// Store entries whose <c>SuggestionsUpdated</c> no dashboard has received yet, per customer,
/// with the time each was due to be sent. A suggestions push carries no time of its own, so it is
/// placed by what came before it on the same connection: a customer's grain queues, in one turn,
/// the <c>CustomerArrived</c> of an entry (its summary's <c>lastSeenAt</c> covers the entry) and
/// then the <c>SuggestionsUpdated</c> the entry forces, and the publisher never moves a push ahead
/// of one queued before it, so the first suggestions push after a summary covering the entry is
/// the entry's own (or a later one that replaced it, which reflects the entry too). Only entries
/// that certainly get a push are awaited (see <see cref="PushWorkload"/>).
/// </summary>
public sealed class EventsAwaitingSuggestions(LatencyRecorder latency, Stopwatch clock, TimeSpan measuredFrom)
{
    private readonly AwaitedByCustomer<AwaitedEntry> _awaited = new(measuredFrom);
    private readonly ConcurrentDictionary<(int Dashboard, string CustomerId), DateTimeOffset> _summarised = new();
    private long _received;

    /// <summary><c>SuggestionsUpdated</c> pushes received by the dashboards in the measured period.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Registers an entry before it is posted.</summary>
    public void Await(string customerId, DateTimeOffset occurredAt, TimeSpan due)
    {
        _awaited.Add(customerId, new AwaitedEntry(occurredAt, due));
    }

    /// <summary>A summary of <paramref name="customerId"/> as of <paramref name="lastSeenAt"/> reached <paramref name="dashboard"/>.</summary>
    public void SummaryArrived(int dashboard, string customerId, DateTimeOffset lastSeenAt) =>
        _summarised.AddOrUpdate((dashboard, customerId), lastSeenAt, (_, seen) => seen > lastSeenAt ? seen : lastSeenAt);

    /// <summary>A <c>SuggestionsUpdated</c> for <paramref name="customerId"/> reached <paramref name="dashboard"/>.</summary>
    public void SuggestionsArrived(int dashboard, string customerId)
    {
        var now = clock.Elapsed;
        if (now >= measuredFrom)
        {
            Interlocked.Increment(ref _received);
        }

        if (_awaited.Of(customerId) is not { } queue || !_summarised.TryGetValue((dashboard, customerId), out var summarised))
        {
            return;
        }

        lock (queue)
        {
            while (queue.TryPeek(out var entry) && entry.OccurredAt <= summarised)
            {
                queue.Dequeue();
                if (_awaited.Measured(entry))
                {
                    latency.Record((now - entry.Due).TotalMilliseconds);
                }
            }
        }
    }

    /// <summary>Stops awaiting a customer's entries without measuring them; returns how many were in the measured period.</summary>
    public int Forget(string customerId) => _awaited.Forget(customerId);

    /// <summary>Entries still unanswered that were due in the measured period.</summary>
    public int MeasuredCount => _awaited.MeasuredCount;

    private readonly record struct AwaitedEntry(DateTimeOffset OccurredAt, TimeSpan Due) : IAwaited;
}
