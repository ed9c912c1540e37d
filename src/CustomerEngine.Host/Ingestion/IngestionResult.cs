namespace CustomerEngine.Host.Ingestion;

/// <summary>The answer to a post of events: what was stored, what was already known, what was refused and why.</summary>
public sealed record IngestionResult(int Accepted, int Duplicates, IReadOnlyList<RejectedEvent> Rejected);

/// <summary>An event refused for bad input; the rest of its batch is unaffected.</summary>
/// <param name="Index">Position in the posted array (0 for a single event).</param>
/// <param name="EventId">The event's id when it could be read.</param>
/// <param name="Field">The field at fault, e.g. <c>data.items[2].price</c>.</param>
/// <param name="Error">What is wrong, in plain words, prefixed by the field.</param>
public sealed record RejectedEvent(int Index, string? EventId, string? Field, string Error);
