namespace CustomerEngine.Engagement.Handlers;

/// <summary>
/// Reacts to a customer event after it has been applied to the customer's state: sets custom
/// attributes (e.g. tag an "entrepreneur" from their purchases) or emits derived events. Implement
/// it to add behaviours without touching the engine.
/// </summary>
/// <remarks>
/// Handlers run inside the customer's turn and must be pure: no I/O, no clock (use
/// <see cref="EngagementEventContext.Now"/>), no state of their own. They only ask, through the
/// context; the grain applies the requests after every handler has run. A handler that throws is
/// skipped, its requests are dropped and it is reported; the event stays applied.
/// </remarks>
public interface IEngagementEventHandler
{
    /// <summary>
    /// A stable name: it appears in logs and metrics and is part of the ids of the events the handler
    /// emits, so renaming a handler changes those ids.
    /// </summary>
    string Name { get; }

    /// <summary>Called once for each event applied to a customer.</summary>
    void OnEventApplied(EngagementEventContext context);
}
