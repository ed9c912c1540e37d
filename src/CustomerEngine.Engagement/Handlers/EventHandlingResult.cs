using CustomerEngine.Engagement.Failures;

namespace CustomerEngine.Engagement.Handlers;

/// <summary>Everything the handlers asked for after one event, for the grain to apply, and which handlers failed.</summary>
/// <param name="AttributeChanges">Attribute changes, in handler order then request order.</param>
/// <param name="DerivedEvents">Derived events, in handler order then request order.</param>
/// <param name="Failures">Handlers that threw; their requests are not included.</param>
public sealed record EventHandlingResult(
    IReadOnlyList<AttributeChange> AttributeChanges,
    IReadOnlyList<DerivedEvent> DerivedEvents,
    IReadOnlyList<ExtensionFailure> Failures);
