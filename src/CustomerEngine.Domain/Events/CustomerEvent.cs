namespace CustomerEngine.Domain.Events;

/// <summary>One validated customer event, as accepted from a producer and stored in the log.</summary>
/// <param name="EventId">The producer's unique id of the event; the log's deduplication key.</param>
/// <param name="CustomerId">The known customer, or null for an anonymous visitor.</param>
/// <param name="AnonymousId">The anonymous visitor (cookie, device) when known.</param>
/// <param name="Type">One of <see cref="EventTypes"/>.</param>
/// <param name="OccurredAt">When it happened, with the producer's offset; the engine's only notion of time.</param>
/// <param name="StoreId">The store involved, if any.</param>
/// <param name="Channel">The channel of the interaction, if given.</param>
/// <param name="Data">The type-specific payload.</param>
public sealed record CustomerEvent(
    string EventId,
    string? CustomerId,
    string? AnonymousId,
    string Type,
    DateTimeOffset OccurredAt,
    string? StoreId,
    EventChannel? Channel,
    EventData Data)
{
    /// <summary>The prefix of an anonymous visitor's stream key.</summary>
    public const string AnonymousStreamPrefix = "anon:";

    /// <summary>The stream the event belongs to: the customer id, or <c>anon:{anonymousId}</c> for an anonymous visitor.</summary>
    public string StreamKey => CustomerId ?? AnonymousStreamPrefix + AnonymousId;
}
