using CustomerEngine.Domain.Customers;
using CustomerEngine.Domain.Events;
using CustomerEngine.Domain.Value;
using CustomerEngine.Domain.Views;
using CustomerEngine.Engagement.Actions;
using CustomerEngine.Engagement.Candidates;
using CustomerEngine.Engagement.Handlers;

namespace CustomerEngine.Samples.BirthdayWeek.Tests.Support;

/// <summary>A customer built from events the way the engine folds them, and the contexts plug-ins are handed.</summary>
internal sealed class Customer(string customerId = "c-1")
{
    /// <summary>The moment of the tests: 23 November 2026, 10:00 UTC.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private readonly List<CustomerEvent> _events = [];

    public CustomerEvent Last => _events[^1];

    public Customer Registered(IReadOnlyDictionary<string, string>? attributes = null, CustomerKind kind = CustomerKind.Individual, string name = "Ada Lovelace") =>
        Add(EventTypes.CustomerRegistered, Now.AddDays(-30), new CustomerRegistered(name, kind, "S1", attributes ?? new Dictionary<string, string>()));

    public Customer Registered(string birthday, CustomerKind kind = CustomerKind.Individual) =>
        Registered(new Dictionary<string, string> { [BirthdayHandler.BirthdayAttribute] = birthday }, kind);

    public Customer Feedback(int nps) => Add(EventTypes.Feedback, Now.AddHours(-1), new FeedbackGiven(nps, null, null));

    /// <summary>The state with every event folded and the handlers' attribute changes applied, as the grain does.</summary>
    public CustomerState State(params IEngagementEventHandler[] handlers)
    {
        var state = CustomerEvolver.Create(customerId);
        var dispatcher = new EngagementEventDispatcher(handlers);
        foreach (var (e, i) in _events.Select((e, i) => (e, i)))
        {
            var transitions = CustomerEvolver.Apply(state, new SequencedEvent(i + 1, e), CustomerRules.Default);
            foreach (var change in dispatcher.Dispatch(e, state, Now, transitions).AttributeChanges)
            {
                if (change.Value is null)
                {
                    state.Attributes.Remove(change.Key);
                }
                else
                {
                    state.Attributes[change.Key] = change.Value;
                }
            }
        }

        CustomerEvolver.AdvanceTo(state, Now, CustomerRules.Default);
        return state;
    }

    /// <summary>The handler's context for the latest event.</summary>
    public EngagementEventContext HandlerContext() => new(Last, State(), Now, BirthdayHandler.HandlerName);

    /// <summary>What a provider sees at <paramref name="now"/> (<see cref="Now"/> by default), with the birthday handler run.</summary>
    public EngagementContext Context(DateTimeOffset? now = null, string? inStore = null, ActionCatalog? catalog = null)
    {
        var at = now ?? Now;
        var state = State(new BirthdayHandler());
        var view = CustomerViews.To360(state, at, ValueDistribution.Empty, CustomerRules.Default);
        return new EngagementContext(view, state, at, catalog ?? ActionCatalog.LoadDefault()) { PresentInStoreId = inStore };
    }

    private Customer Add(string type, DateTimeOffset at, EventData data)
    {
        _events.Add(new CustomerEvent($"e-{_events.Count + 1}", customerId, null, type, at, null, null, data));
        return this;
    }
}
