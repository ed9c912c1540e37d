namespace CustomerEngine.Domain.Events;

/// <summary>
/// An event with its position in the durable log. A customer's events are applied in order of
/// (<see cref="CustomerEvent.OccurredAt"/>, <see cref="Sequence"/>): occurrence time decides, and
/// the log position breaks ties so that every replay orders them the same way.
/// </summary>
public readonly record struct SequencedEvent(long Sequence, CustomerEvent Event);
