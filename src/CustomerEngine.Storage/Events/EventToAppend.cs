namespace CustomerEngine.Storage.Events;

/// <summary>An event ready to be appended to the log.</summary>
/// <param name="EventId">The producer's unique id of the event (deduplication key).</param>
/// <param name="StreamKey">The stream (customer) the event belongs to.</param>
/// <param name="Type">The event type, e.g. <c>purchase</c>.</param>
/// <param name="OccurredAt">When the event happened.</param>
/// <param name="Payload">The whole event as UTF-8 JSON.</param>
public sealed record EventToAppend(string EventId, string StreamKey, string Type, DateTimeOffset OccurredAt, byte[] Payload);
