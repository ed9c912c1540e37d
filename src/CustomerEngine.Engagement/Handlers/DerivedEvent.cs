using System.Text.Json;

namespace CustomerEngine.Engagement.Handlers;

/// <summary>
/// A handler's request to record a new event for the customer, derived from the event it handled.
/// Its id is deterministic (see <see cref="DerivedEventIds"/>), so handling the same event again,
/// on a replay or a retry, asks for the same event, which the log then deduplicates.
/// </summary>
/// <param name="EventId">The derived event's id.</param>
/// <param name="Type">The event type, e.g. <c>segment.entered</c>.</param>
/// <param name="Data">The event's <c>data</c> object.</param>
/// <param name="OccurredAt">When it happened: the source event's occurrence time, so replays agree.</param>
/// <param name="SourceEventId">The event the handler reacted to.</param>
/// <param name="HandlerName">The handler that emitted it.</param>
public sealed record DerivedEvent(string EventId, string Type, JsonElement Data, DateTimeOffset OccurredAt, string SourceEventId, string HandlerName);
