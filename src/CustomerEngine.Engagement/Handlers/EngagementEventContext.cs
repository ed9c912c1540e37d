using System.Text.Json;
using CustomerEngine.Domain.Customers;
using CustomerEngine.Domain.Events;
using CustomerEngine.Domain.Lifecycle;
using CustomerEngine.Engagement.Candidates;

namespace CustomerEngine.Engagement.Handlers;

/// <summary>
/// What one event handler sees of one applied event, and where it leaves its requests. The context
/// only collects them; the grain applies them once every handler has run.
/// </summary>
public sealed class EngagementEventContext
{
    private readonly List<AttributeChange> _attributeChanges = [];
    private readonly List<DerivedEvent> _derivedEvents = [];

    /// <summary>Creates the context of <paramref name="handlerName"/> for <paramref name="appliedEvent"/>.</summary>
    /// <param name="appliedEvent">The event just applied.</param>
    /// <param name="state">The customer's state after the event; read, never changed.</param>
    /// <param name="now">The moment of handling.</param>
    /// <param name="handlerName">The handler's name, which goes into derived event ids.</param>
    /// <param name="transitions">The lifecycle transitions the event caused, oldest first; none when null.</param>
    public EngagementEventContext(
        CustomerEvent appliedEvent, CustomerState state, DateTimeOffset now, string handlerName, IReadOnlyList<LifecycleTransition>? transitions = null)
    {
        ArgumentNullException.ThrowIfNull(appliedEvent);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentException.ThrowIfNullOrEmpty(handlerName);
        Event = appliedEvent;
        State = new ReadOnlyCustomerState(state);
        Now = now;
        HandlerName = handlerName;
        Transitions = transitions ?? [];
    }

    /// <summary>The event just applied.</summary>
    public CustomerEvent Event { get; }

    /// <summary>The customer's state after the event.</summary>
    public ReadOnlyCustomerState State { get; }

    /// <summary>The moment of handling.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>The handler this context belongs to.</summary>
    public string HandlerName { get; }

    /// <summary>The lifecycle transitions the event caused (campaigns trigger on them), oldest first.</summary>
    public IReadOnlyList<LifecycleTransition> Transitions { get; }

    /// <summary>The attribute changes asked for so far, in order.</summary>
    public IReadOnlyList<AttributeChange> AttributeChanges => _attributeChanges;

    /// <summary>The derived events asked for so far, in order.</summary>
    public IReadOnlyList<DerivedEvent> DerivedEvents => _derivedEvents;

    /// <summary>Asks to set the custom attribute <paramref name="key"/> to <paramref name="value"/>, or to remove it when null.</summary>
    public void SetAttribute(string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new ArgumentException("An attribute needs a non-empty name.", nameof(key));
        }

        _attributeChanges.Add(new AttributeChange(key, value, HandlerName));
    }

    /// <summary>Asks to record a derived event of <paramref name="type"/> with <paramref name="data"/> as its <c>data</c> object.</summary>
    /// <returns>The derived event's deterministic id.</returns>
    public string Emit(string type, JsonElement data)
    {
        if (string.IsNullOrWhiteSpace(type))
        {
            throw new ArgumentException("A derived event needs a type.", nameof(type));
        }

        if (data.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("A derived event's data must be a JSON object.", nameof(data));
        }

        var eventId = DerivedEventIds.For(Event.EventId, HandlerName, _derivedEvents.Count);

        // Cloned so the data outlives whatever document the handler built it in.
        _derivedEvents.Add(new DerivedEvent(eventId, type, data.Clone(), Event.OccurredAt, Event.EventId, HandlerName));
        return eventId;
    }

    /// <summary>Asks to record a derived event whose <c>data</c> object has the fields of <paramref name="data"/>.</summary>
    /// <returns>The derived event's deterministic id.</returns>
    public string Emit(string type, IReadOnlyDictionary<string, object?> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Emit(type, JsonSerializer.SerializeToElement(data));
    }
}
