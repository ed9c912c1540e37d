using System.Text.Json.Nodes;

namespace CustomerEngine.Durability.Tests.Traffic;

/// <summary>One request's worth of events, posted (and re-posted after a failure) as exactly the same bytes, and what became of every attempt.</summary>
public sealed class EventBatch
{
    private readonly List<PostAttempt> _attempts = [];

    public EventBatch(string id, IReadOnlyList<JsonObject> events)
    {
        Id = id;
        Events = events;
        EventIds = [.. events.Select(e => (string)e["eventId"]!)];
        Body = new JsonArray([.. events.Select(e => e.DeepClone())]).ToJsonString();
    }

    public string Id { get; }

    public IReadOnlyList<JsonObject> Events { get; }

    public IReadOnlyList<string> EventIds { get; }

    public string Body { get; }

    public IReadOnlyList<PostAttempt> Attempts
    {
        get
        {
            lock (_attempts)
            {
                return [.. _attempts];
            }
        }
    }

    /// <summary>Whether any attempt was answered 202: the engine promised these events are durable.</summary>
    public bool IsAcknowledged => Attempts.Any(a => a.IsAccepted);

    /// <summary>The customers the events of <paramref name="batches"/> are about, in ordinal order.</summary>
    public static IReadOnlyCollection<string> CustomersOf(IEnumerable<EventBatch> batches) =>
        [.. batches.SelectMany(b => b.Events).Select(e => (string)e["customerId"]!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public void Record(PostAttempt attempt)
    {
        lock (_attempts)
        {
            _attempts.Add(attempt);
        }
    }

    public override string ToString() => $"batch {Id} ({Events.Count} events)";
}
