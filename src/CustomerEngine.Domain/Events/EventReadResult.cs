using System.Diagnostics.CodeAnalysis;

namespace CustomerEngine.Domain.Events;

/// <summary>
/// The outcome of reading one event: the event when valid, otherwise the field at fault (a
/// JSON-path-like name such as <c>data.items[2].price</c>, or <c>$</c> when the element is not
/// an object at all) and what is wrong with it. <see cref="EventId"/> is filled whenever the id could
/// be read, so a producer can tell which of its events was rejected.
/// </summary>
public sealed record EventReadResult(CustomerEvent? Event, string? EventId, string? Field, string? Error)
{
    /// <summary>True when the event was accepted.</summary>
    [MemberNotNullWhen(true, nameof(Event))]
    public bool IsValid => Event is not null;

    internal static EventReadResult Valid(CustomerEvent e) => new(e, e.EventId, null, null);

    internal static EventReadResult Invalid(string? eventId, string? field, string error) => new(null, eventId, field, error);
}
