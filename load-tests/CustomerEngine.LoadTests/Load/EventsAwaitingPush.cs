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
    private readonly AwaitedByCustomer<AwaitedEvent> _awaited = new(measuredFrom);

    /// <summary>Registers an event before it is posted; <paramref name="isLeave"/> when it makes the customer leave.</summary>
    public void Await(string customerId, DateTimeOffset occurredAt, bool isLeave, TimeSpan due)
    {
        _awaited.Add(customerId, new AwaitedEvent(occurredAt, isLeave, due));
    }

    /// <summary>A summary of <paramref name="customerId"/> as of <paramref name="lastSeenAt"/> arrived.</summary>
    public void AnswerSummary(string customerId, DateTimeOffset lastSeenAt) =>
        Answer(customerId, e => e.OccurredAt <= lastSeenAt, includeStop: false);

    /// <summary>A <c>CustomerLeft</c> arrived: it answers the events up to and including the oldest leave.</summary>
    public void AnswerLeave(string customerId) => Answer(customerId, e => !e.IsLeave, includeStop: true);

    /// <summary>Stops awaiting a customer's entries without measuring them; returns how many were in the measured period.</summary>
    public int Forget(string customerId) => _awaited.Forget(customerId);

    /// <summary>Entries still unanswered that were due in the measured period.</summary>
    public int MeasuredCount => _awaited.MeasuredCount;

    private void Answer(string customerId, Func<AwaitedEvent, bool> answers, bool includeStop)
    {
        if (_awaited.Of(customerId) is not { } queue)
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
                if (_awaited.Measured(e))
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

    private readonly record struct AwaitedEvent(DateTimeOffset OccurredAt, bool IsLeave, TimeSpan Due) : IAwaited;
}
