using CustomerEngine.Domain.Events;

namespace CustomerEngine.Domain.Tests.Support;

/// <summary>
/// Builds one customer's events as the log would hold them: every event gets the next sequence
/// number, and all of them are kept in <see cref="Events"/> for replay.
/// </summary>
public sealed class History(string customerId = "c-1")
{
    private long _sequence;

    public List<SequencedEvent> Events { get; } = [];

    public string CustomerId => customerId;

    public static PurchaseItem Item(string sku, decimal price, int quantity = 1, string? brand = null, decimal discount = 0m) =>
        new(sku, null, brand, price, quantity, discount);

    public SequencedEvent Registered(string at, string? name = "Ada", CustomerKind kind = CustomerKind.Individual, string? homeStoreId = null, Dictionary<string, string>? attributes = null) =>
        Add(at, EventTypes.CustomerRegistered, new CustomerRegistered(name, kind, homeStoreId, attributes ?? []));

    public SequencedEvent Identified(string at, string anonymousId) =>
        Add(at, EventTypes.CustomerIdentified, new CustomerIdentified(anonymousId));

    public SequencedEvent Entered(string at, string storeId = "s-1", EventChannel? channel = EventChannel.Store) =>
        Add(at, EventTypes.StoreEntered, new StoreEntered(), storeId, channel);

    public SequencedEvent Left(string at, string storeId = "s-1", EventChannel? channel = EventChannel.Store) =>
        Add(at, EventTypes.StoreLeft, new StoreLeft(), storeId, channel);

    public SequencedEvent Viewed(string at, string sku = "sku-1", EventChannel? channel = EventChannel.Online, string? brand = null) =>
        Add(at, EventTypes.ProductViewed, new ProductViewed(sku, null, brand, null), null, channel);

    public SequencedEvent CartAdded(string at, string sku = "sku-1", int quantity = 1, EventChannel? channel = EventChannel.Online) =>
        Add(at, EventTypes.CartAdded, new CartAdded(sku, null, null, null, quantity), null, channel);

    public SequencedEvent Purchase(string at, decimal total = 50m, EventChannel? channel = EventChannel.Store, string? storeId = null, params PurchaseItem[] items)
    {
        var lines = items.Length > 0 ? items : [Item("sku-1", total)];
        return Add(at, EventTypes.Purchase, new Purchase("o-" + (_sequence + 1), lines, total), storeId, channel);
    }

    public SequencedEvent Returned(string at, decimal amount, string orderId = "o-1", string sku = "sku-1") =>
        Add(at, EventTypes.Return, new ProductReturned(orderId, sku, amount));

    public SequencedEvent Feedback(string at, int? nps = null, int? ces = null, string? comment = null) =>
        Add(at, EventTypes.Feedback, new FeedbackGiven(nps, ces, comment));

    public SequencedEvent ComplaintOpened(string at, string complaintId, string? topic = null) =>
        Add(at, EventTypes.ComplaintOpened, new ComplaintOpened(complaintId, topic, null), null, EventChannel.CallCenter);

    public SequencedEvent ComplaintResolved(string at, string complaintId) =>
        Add(at, EventTypes.ComplaintResolved, new ComplaintResolved(complaintId), null, EventChannel.CallCenter);

    public SequencedEvent Consent(string at, string channel, string? purpose, bool granted) =>
        Add(at, EventTypes.ConsentChanged, new ConsentChanged(channel, purpose, granted));

    public SequencedEvent SuggestionOutcome(string at, string kind, string outcome, string actionId = "a-1") =>
        Add(at, EventTypes.SuggestionOutcome, new SuggestionOutcomeRecorded("s-1", actionId, kind, outcome, null));

    /// <summary>An event of an anonymous visitor's stream, sequenced in the same log.</summary>
    public SequencedEvent AnonymousViewed(string at, string anonymousId, string sku = "sku-1")
    {
        var e = new CustomerEvent("e-" + (_sequence + 1), null, anonymousId, EventTypes.ProductViewed, Time.At(at), null, EventChannel.Online, new ProductViewed(sku, null, null, null));
        return Keep(e);
    }

    private SequencedEvent Add(string at, string type, EventData data, string? storeId = null, EventChannel? channel = null) =>
        Keep(new CustomerEvent("e-" + (_sequence + 1), customerId, null, type, Time.At(at), storeId, channel, data));

    private SequencedEvent Keep(CustomerEvent e)
    {
        var sequenced = new SequencedEvent(++_sequence, e);
        Events.Add(sequenced);
        return sequenced;
    }
}
