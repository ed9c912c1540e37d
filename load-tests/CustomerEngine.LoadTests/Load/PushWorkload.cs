using CustomerEngine.LoadTests.Workload;

namespace CustomerEngine.LoadTests.Load;

/// <summary>
/// Decides, on the sending loop, which posted events a store dashboard must hear of, following
/// presence the way the engine judges it (one store per customer here): present while the latest
/// enter is later than the latest leave, so an enter and a leave in the same millisecond, which
/// the generator writes for one batch, leave the customer out.
/// With <paramref name="suggestions"/> it also awaits the <c>SuggestionsUpdated</c> of store
/// entries that certainly get one: the grain forces a suggestions push when the last trigger of
/// a customer's events in a request is an entry, so an entry that brings the customer into a
/// watched store and is followed in its batch by nothing of theirs but product views is awaited.
/// </summary>
public sealed class PushWorkload(IReadOnlySet<string> watchedStores, EventsAwaitingPush awaiting, TimeSpan measuredFrom, EventsAwaitingSuggestions? suggestions = null)
{
    private readonly Dictionary<string, (DateTimeOffset? Entered, DateTimeOffset? Left)> _visits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<PostedBatch>> _batchesOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _lastTriggerAt = new(StringComparer.Ordinal);
    private long _unmeasured;

    /// <summary>Events left out because the order their customer's batches were applied in was not determined.</summary>
    public long Unmeasured => Interlocked.Read(ref _unmeasured);

    /// <summary>Registers a batch's awaited events before it is posted; the returned action marks it answered.</summary>
    public Action AwaitPushes(IReadOnlyList<GeneratedEvent> events, TimeSpan due)
    {
        var batch = new PostedBatch();
        if (suggestions is not null)
        {
            // Product views are the generator's one type that triggers no recompute.
            _lastTriggerAt.Clear();
            for (var i = 0; i < events.Count; i++)
            {
                if (events[i].Type != "product.viewed")
                {
                    _lastTriggerAt[events[i].CustomerId] = i;
                }
            }
        }

        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var visit = _visits.GetValueOrDefault(e.CustomerId);
            var wasPresent = IsPresent(visit);
            if (e.Type == "store.entered")
            {
                visit.Entered = Latest(visit.Entered, e.OccurredAt);
            }
            else if (e.Type == "store.left")
            {
                visit.Left = Latest(visit.Left, e.OccurredAt);
            }

            _visits[e.CustomerId] = visit;
            var isPresent = IsPresent(visit);

            var awaited = (wasPresent || isPresent) && watchedStores.Contains(e.StoreId);
            var overlaps = InFlightWith(e.CustomerId, batch);
            if (overlaps)
            {
                Interlocked.Add(ref _unmeasured, awaiting.Forget(e.CustomerId) + (awaited && due >= measuredFrom ? 1 : 0));
                suggestions?.Forget(e.CustomerId);
            }
            else if (awaited)
            {
                awaiting.Await(e.CustomerId, e.OccurredAt, wasPresent && !isPresent, due);
                if (suggestions is not null && e.Type == "store.entered" && !wasPresent && isPresent && _lastTriggerAt[e.CustomerId] == i)
                {
                    suggestions.Await(e.CustomerId, e.OccurredAt, due);
                }
            }
        }

        return batch.MarkAnswered;
    }

    private static bool IsPresent((DateTimeOffset? Entered, DateTimeOffset? Left) visit) =>
        visit.Entered is { } entered && (visit.Left is not { } left || left < entered);

    private static DateTimeOffset Latest(DateTimeOffset? kept, DateTimeOffset incoming) =>
        kept is { } k && k > incoming ? k : incoming;

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
