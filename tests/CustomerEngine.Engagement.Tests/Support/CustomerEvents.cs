using CustomerEngine.CrossSell.Baskets;
using CustomerEngine.CrossSell.Model;
using CustomerEngine.Domain.Customers;
using CustomerEngine.Domain.Events;
using CustomerEngine.Domain.Value;
using CustomerEngine.Domain.Views;
using CustomerEngine.Engagement.Actions;
using CustomerEngine.Engagement.Candidates;

namespace CustomerEngine.Engagement.Tests.Support;

/// <summary>Builds a customer from events, as the engine would, and the engagement context around them.</summary>
internal sealed class CustomerEvents(string customerId = "c-1")
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private readonly List<CustomerEvent> _events = [];

    public string CustomerId => customerId;

    public CustomerEvents Registered(DateTimeOffset at, string name = "Ada", CustomerKind kind = CustomerKind.Individual, IReadOnlyDictionary<string, string>? attributes = null) =>
        Add(EventTypes.CustomerRegistered, at, new CustomerRegistered(name, kind, "S1", attributes ?? new Dictionary<string, string>()));

    public CustomerEvents Purchase(DateTimeOffset at, string sku = "socks", decimal price = 10m, decimal discount = 0m) =>
        Add(EventTypes.Purchase, at, new Purchase($"o-{_events.Count}", [new PurchaseItem(sku, null, "Brand", price, 1, discount)], price - discount), "S1", EventChannel.Store);

    public CustomerEvents CartAdded(DateTimeOffset at, string sku, int quantity = 1) =>
        Add(EventTypes.CartAdded, at, new CartAdded(sku, null, null, null, quantity), "S1", EventChannel.Store);

    public CustomerEvents Feedback(DateTimeOffset at, int nps) => Add(EventTypes.Feedback, at, new FeedbackGiven(nps, null, null));

    public CustomerEvents ComplaintOpened(DateTimeOffset at, string complaintId) =>
        Add(EventTypes.ComplaintOpened, at, new ComplaintOpened(complaintId, "late delivery", null));

    public CustomerEvents ComplaintResolved(DateTimeOffset at, string complaintId) =>
        Add(EventTypes.ComplaintResolved, at, new ComplaintResolved(complaintId));

    public CustomerEvents Consent(DateTimeOffset at, string channel, string? purpose, bool granted) =>
        Add(EventTypes.ConsentChanged, at, new ConsentChanged(channel, purpose, granted));

    public CustomerEvent Last => _events[^1];

    /// <summary>The state at <paramref name="now"/>: every event folded, and the stages due by then.</summary>
    public CustomerState State(DateTimeOffset now)
    {
        var state = CustomerEvolver.Replay(customerId, _events.Select((e, i) => new SequencedEvent(i + 1, e)), CustomerRules.Default);
        CustomerEvolver.AdvanceTo(state, now, CustomerRules.Default);
        return state;
    }

    /// <summary>The context at <paramref name="now"/>; <paramref name="tier"/> overrides the tier a one-customer base would give.</summary>
    public EngagementContext Context(
        DateTimeOffset now,
        ActionCatalog catalog,
        ValueTier? tier = null,
        string? inStore = null,
        CrossSellModel? crossSell = null,
        IReadOnlyList<BasketLine>? recentPurchases = null,
        CustomerValueSignals? signals = null)
    {
        var state = State(now);
        var view = CustomerViews.To360(state, now, ValueDistribution.Empty, CustomerRules.Default);
        if (tier is { } overridden)
        {
            view = view with { Value = view.Value with { Tier = overridden } };
        }

        return new EngagementContext(view, state, now, catalog)
        {
            PresentInStoreId = inStore,
            CrossSell = crossSell,
            RecentPurchases = recentPurchases ?? [],
            ValueSignals = signals,
        };
    }

    private CustomerEvents Add(string type, DateTimeOffset at, EventData data, string? storeId = null, EventChannel? channel = null)
    {
        _events.Add(new CustomerEvent($"e-{_events.Count + 1}", customerId, null, type, at, storeId, channel, data));
        return this;
    }
}
