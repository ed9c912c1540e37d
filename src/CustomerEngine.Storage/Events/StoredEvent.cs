namespace CustomerEngine.Storage.Events;

/// <summary>An event as stored in the log.</summary>
/// <param name="Sequence">Position in the log; increases with every append, in commit order.</param>
/// <param name="EventId">The producer's unique id of the event.</param>
/// <param name="StreamKey">The stream (customer) the event belongs to.</param>
/// <param name="Type">The event type.</param>
/// <param name="OccurredAt">When the event happened.</param>
/// <param name="Payload">The whole event as UTF-8 JSON.</param>
public sealed record StoredEvent(long Sequence, string EventId, string StreamKey, string Type, DateTimeOffset OccurredAt, byte[] Payload);
