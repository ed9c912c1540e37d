using System.Collections.Concurrent;

namespace CustomerEngine.LoadTests.Load;

/// <summary>
/// What each customer is still awaiting, oldest first, one queue per customer (lock the queue to
/// use it). Counts only what was due from <paramref name="measuredFrom"/> on, the measured period.
/// </summary>
public sealed class AwaitedByCustomer<TEntry>(TimeSpan measuredFrom)
    where TEntry : IAwaited
{
    private readonly ConcurrentDictionary<string, Queue<TEntry>> _byCustomer = new(StringComparer.Ordinal);

    /// <summary>Awaits <paramref name="entry"/> for <paramref name="customerId"/>.</summary>
    public void Add(string customerId, TEntry entry)
    {
        var queue = _byCustomer.GetOrAdd(customerId, _ => new Queue<TEntry>());
        lock (queue)
        {
            queue.Enqueue(entry);
        }
    }

    /// <summary>The customer's queue, or null when nothing was ever awaited for it.</summary>
    public Queue<TEntry>? Of(string customerId) => _byCustomer.GetValueOrDefault(customerId);

    /// <summary>Whether <paramref name="entry"/> was due in the measured period.</summary>
    public bool Measured(TEntry entry) => entry.Due >= measuredFrom;

    /// <summary>Stops awaiting a customer's entries without measuring them; returns how many were in the measured period.</summary>
    public int Forget(string customerId)
    {
        if (Of(customerId) is not { } queue)
        {
            return 0;
        }

        lock (queue)
        {
            var count = queue.Count(Measured);
            queue.Clear();
            return count;
        }
    }

    /// <summary>Entries still unanswered that were due in the measured period.</summary>
    public int MeasuredCount => _byCustomer.Values.Sum(q =>
    {
        lock (q)
        {
            return q.Count(Measured);
        }
    });
}
