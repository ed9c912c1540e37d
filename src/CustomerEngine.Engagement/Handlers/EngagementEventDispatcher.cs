using CustomerEngine.Domain.Customers;
using CustomerEngine.Domain.Events;
using CustomerEngine.Domain.Lifecycle;
using CustomerEngine.Engagement.Failures;

namespace CustomerEngine.Engagement.Handlers;

/// <summary>Runs every event handler on an applied event and gathers their requests.</summary>
public sealed class EngagementEventDispatcher
{
    /// <summary>Creates a dispatcher over <paramref name="handlers"/>, run in this order.</summary>
    public EngagementEventDispatcher(IEnumerable<IEngagementEventHandler> handlers)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        Handlers = handlers.ToArray();
        if (Handlers.Any(h => h is null))
        {
            throw new ArgumentException("Handlers cannot be null.", nameof(handlers));
        }
    }

    /// <summary>The handlers, in the order they run.</summary>
    public IReadOnlyList<IEngagementEventHandler> Handlers { get; }

    /// <summary>
    /// Gives <paramref name="appliedEvent"/> to every handler, each with its own context. A handler
    /// that throws is reported and its requests are dropped, all or nothing, so a half-done reaction
    /// is never applied; the other handlers are unaffected.
    /// </summary>
    public EventHandlingResult Dispatch(
        CustomerEvent appliedEvent, CustomerState state, DateTimeOffset now, IReadOnlyList<LifecycleTransition>? transitions = null)
    {
        ArgumentNullException.ThrowIfNull(appliedEvent);
        ArgumentNullException.ThrowIfNull(state);
        var attributes = new List<AttributeChange>();
        var derived = new List<DerivedEvent>();
        var failures = new List<ExtensionFailure>();
        foreach (var handler in Handlers)
        {
            string name;
            try
            {
                name = handler.Name;
                var context = new EngagementEventContext(appliedEvent, state, now, name, transitions);
                handler.OnEventApplied(context);
                attributes.AddRange(context.AttributeChanges);
                derived.AddRange(context.DerivedEvents);
            }
            catch (Exception e)
            {
                failures.Add(new ExtensionFailure(NameOf(handler), ExtensionKind.EventHandler, $"{e.GetType().Name}: {e.Message}", e));
            }
        }

        return new EventHandlingResult(attributes, derived, failures);
    }

    private static string NameOf(IEngagementEventHandler handler)
    {
        try
        {
            return string.IsNullOrEmpty(handler.Name) ? handler.GetType().Name : handler.Name;
        }
        catch (Exception)
        {
            return handler.GetType().FullName ?? handler.GetType().Name;
        }
    }
}
