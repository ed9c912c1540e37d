using CustomerEngine.LoadTests.Workload;

namespace CustomerEngine.LoadTests.Load;

/// <summary>
/// Decides, on the sending loop, which posted events a store dashboard must hear of, following
/// presence the way the engine judges it for this workload (one store per customer, events in
/// order): from entering until leaving.
/// </summary>
public sealed class PushWorkload(IReadOnlySet<string> watchedStores, EventsAwaitingPush awaiting, TimeSpan measuredFrom)
{
    private readonly HashSet<string> _present = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<PostedBatch>> _batchesOf = new(StringComparer.Ordinal);
    private long _unmeasured;

    /// <summary>Events left out because the order their customer's batches were applied in was not determined.</summary>
    public long Unmeasured => Interlocked.Read(ref _unmeasured);

    /// <summary>Registers a batch's awaited events before it is posted; the returned action marks it answered.</summary>
    public Action AwaitPushes(IReadOnlyList<GeneratedEvent> events, TimeSpan due)
    {
        var batch = new PostedBatch();
        foreach (var e in events)
        {
            var wasPresent = _present.Contains(e.CustomerId);
            var isLeave = e.Type == "store.left";
            var isPresent = e.Type == "store.entered" || (wasPresent && !isLeave);
            if (isPresent)
            {
                _present.Add(e.CustomerId);
            }
            else
            {
                _present.Remove(e.CustomerId);
            }

            var awaited = (wasPresent || isPresent) && watchedStores.Contains(e.StoreId);
            var overlaps = InFlightWith(e.CustomerId, batch);
            if (overlaps)
            {
                Interlocked.Add(ref _unmeasured, awaiting.Forget(e.CustomerId) + (awaited && due >= measuredFrom ? 1 : 0));
            }
            else if (awaited)
            {
                awaiting.Await(e.CustomerId, e.OccurredAt, isLeave && wasPresent, due);
            }
        }

        return batch.MarkAnswered;
    }

    // True when another batch with this customer is still unanswered; records this batch as theirs.
    private bool InFlightWith(string customerId, PostedBatch batch)
    {
        if (!_batchesOf.TryGetValue(customerId, out var batches))
        {
            _batchesOf[customerId] = [batch];
            return false;
        }

        batches.RemoveAll(b => b.Answered);
        var overlaps = batches.Any(b => b != batch);
        if (!batches.Contains(batch))
        {
            batches.Add(batch);
        }

        return overlaps;
    }

    private sealed class PostedBatch
    {
        private volatile bool _answered;

        public bool Answered => _answered;

        public void MarkAnswered() => _answered = true;
    }
}
