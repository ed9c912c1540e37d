using System.Collections.Concurrent;
using System.Diagnostics;

namespace CustomerEngine.LoadTests.Load;

/// <summary>
/// Posted events whose push no dashboard has received yet, per customer, with the time each was
/// due to be sent. A pushed summary answers every event of its customer up to its
/// <c>lastSeenAt</c> (the engine coalesces, so one push may answer several events); a
/// <c>CustomerLeft</c> answers events up to the <c>store.left</c>. Pushes for events posted later
/// answer nothing early, because they carry the time of what they reflect.
/// </summary>
public sealed class EventsAwaitingPush(LatencyRecorder latency, Stopwatch clock, TimeSpan measuredFrom)
{
    private readonly ConcurrentDictionary<string, Queue<AwaitedEvent>> _byCustomer = new(StringComparer.Ordinal);

    /// <summary>Registers an event before it is posted; <paramref name="isLeave"/> when it makes the customer leave.</summary>
    public void Await(string customerId, DateTimeOffset occurredAt, bool isLeave, TimeSpan due)
    {
        var queue = _byCustomer.GetOrAdd(customerId, _ => new Queue<AwaitedEvent>());
        lock (queue)
        {
            queue.Enqueue(new AwaitedEvent(occurredAt, isLeave, due));
        }
    }

    /// <summary>A summary of <paramref name="customerId"/> as of <paramref name="lastSeenAt"/> arrived.</summary>
    public void AnswerSummary(string customerId, DateTimeOffset lastSeenAt) =>
        Answer(customerId, e => e.OccurredAt <= lastSeenAt, includeStop: false);

    /// <summary>A <c>CustomerLeft</c> arrived: it answers the events up to and including the oldest leave.</summary>
    public void AnswerLeave(string customerId) => Answer(customerId, e => !e.IsLeave, includeStop: true);

    /// <summary>Stops awaiting a customer's events without measuring them.</summary>
    public int Forget(string customerId)
    {
        if (!_byCustomer.TryGetValue(customerId, out var queue))
        {
            return 0;
        }

        lock (queue)
        {
            var count = queue.Count(e => e.Due >= measuredFrom);
            queue.Clear();
            return count;
        }
    }

    /// <summary>Events still unanswered that were due in the measured period.</summary>
    public int MeasuredCount => _byCustomer.Values.Sum(q =>
    {
        lock (q)
        {
            return q.Count(e => e.Due >= measuredFrom);
        }
    });

    private void Answer(string customerId, Func<AwaitedEvent, bool> answers, bool includeStop)
    {
        if (!_byCustomer.TryGetValue(customerId, out var queue))
        {
            return;
        }

        var now = clock.Elapsed;
        lock (queue)
        {
            while (queue.TryPeek(out var e))
            {
                var answered = answers(e);
                if (!answered && !includeStop)
                {
                    break;
                }

                queue.Dequeue();
                if (e.Due >= measuredFrom)
                {
                    latency.Record((now - e.Due).TotalMilliseconds);
                }

                if (!answered)
                {
                    break;
                }
            }
        }
    }

    private readonly record struct AwaitedEvent(DateTimeOffset OccurredAt, bool IsLeave, TimeSpan Due);
}
