using System.Globalization;
using System.Text.Json;
using CustomerEngine.Domain.Text;

namespace CustomerEngine.Domain.Events;

/// <summary>
/// Reads one event element and remembers the first field at fault. Invalid events are routine
/// input from producers, so failures are values rather than exceptions.
/// </summary>
/// <param name="options">Length and time limits.</param>
/// <param name="now">The engine's clock for the future-skew check; null when reading back the
/// log, where events were already judged at ingestion and later limits must not reject them.</param>
internal sealed class EventElementParser(EventReadOptions options, DateTimeOffset? now)
{
    private const string ChannelNames = "store, online, app, callcenter";
    private const string KindNames = "individual, organization";
    private static readonly IReadOnlyDictionary<string, string> EmptyAttributes = new Dictionary<string, string>();

    public string? EventId { get; private set; }

    public string? Field { get; private set; }

    public string? Error { get; private set; }

    private int MaxIdLength => now is null ? int.MaxValue : options.MaxIdLength;

    private int MaxTextLength => now is null ? int.MaxValue : options.MaxTextLength;

    public CustomerEvent? Parse(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return Fail("$", "must be a JSON object");
        }

        if (!Id(element, "eventId", "eventId", required: true, out var eventId))
        {
            return null;
        }

        EventId = eventId;
        if (!Id(element, "customerId", "customerId", required: false, out var customerId)
            || !Id(element, "anonymousId", "anonymousId", required: false, out var anonymousId))
        {
            return null;
        }

        if (customerId is null && anonymousId is null)
        {
            return Fail("customerId", "is required unless anonymousId is given");
        }

        if (customerId is not null && customerId.StartsWith(CustomerEvent.AnonymousStreamPrefix, StringComparison.Ordinal))
        {
            return Fail("customerId", $"must not start with \"{CustomerEvent.AnonymousStreamPrefix}\", which is reserved for anonymous visitors");
        }

        if (!Text(element, "type", "type", required: true, int.MaxValue, out var rawType))
        {
            return null;
        }

        if (EventTypes.Canonical(rawType) is not { } type)
        {
            return Fail("type", "is not a known event type; must be one of: " + string.Join(", ", EventTypes.All));
        }

        if (!OccurredAt(element, out var occurredAt)
            || !Id(element, "storeId", "storeId", required: false, out var storeId)
            || !Channel(element, out var channel))
        {
            return null;
        }

        if (type == EventTypes.CustomerIdentified && customerId is null)
        {
            return Fail("customerId", "is required for customer.identified");
        }

        if (type is EventTypes.StoreEntered or EventTypes.StoreLeft && storeId is null)
        {
            return Fail("storeId", "is required for " + type);
        }

        var data = Data(element, type);
        return data is null
            ? null
            : new CustomerEvent(eventId!, customerId, anonymousId, type, occurredAt, storeId, channel, data);
    }

    private EventData? Data(JsonElement element, string type)
    {
        var present = Present(element, "data", out var data);
        if (present && data.ValueKind != JsonValueKind.Object)
        {
            return Fail<EventData>("data", "must be an object");
        }

        if (type is EventTypes.StoreEntered or EventTypes.StoreLeft)
        {
            return type == EventTypes.StoreEntered ? new StoreEntered() : new StoreLeft();
        }

        if (!present)
        {
            return Fail<EventData>("data", "is required for " + type);
        }

        return type switch
        {
            EventTypes.CustomerRegistered => ReadRegistered(data),
            EventTypes.CustomerIdentified => ReadIdentified(data),
            EventTypes.ProductViewed => ReadViewed(data),
            EventTypes.CartAdded => ReadCartAdded(data),
            EventTypes.Purchase => ReadPurchase(data),
            EventTypes.Return => ReadReturned(data),
            EventTypes.Feedback => ReadFeedback(data),
            EventTypes.ComplaintOpened => ReadComplaintOpened(data),
            EventTypes.ComplaintResolved => ReadComplaintResolved(data),
            EventTypes.ConsentChanged => ReadConsent(data),
            EventTypes.SuggestionOutcome => ReadSuggestionOutcome(data),
            _ => throw new InvalidOperationException("Event type " + type + " has no data reader."),
        };
    }

    private CustomerRegistered? ReadRegistered(JsonElement data)
    {
        if (!Text(data, "name", "data.name", required: false, MaxTextLength, out var name)
            || !Kind(data, out var kind)
            || !Id(data, "homeStoreId", "data.homeStoreId", required: false, out var homeStoreId)
            || !Attributes(data, out var attributes))
        {
            return null;
        }

        return new CustomerRegistered(name, kind, homeStoreId, attributes);
    }

    private CustomerIdentified? ReadIdentified(JsonElement data) =>
        Id(data, "anonymousId", "data.anonymousId", required: true, out var anonymousId)
            ? new CustomerIdentified(anonymousId!)
            : null;

    private ProductViewed? ReadViewed(JsonElement data)
    {
        if (!Id(data, "sku", "data.sku", required: true, out var sku)
            || !Text(data, "category", "data.category", required: false, MaxTextLength, out var category)
            || !Text(data, "brand", "data.brand", required: false, MaxTextLength, out var brand)
            || !Amount(data, "price", "data.price", required: false, out var price))
        {
            return null;
        }

        return new ProductViewed(sku!, category, brand, price);
    }

    private CartAdded? ReadCartAdded(JsonElement data)
    {
        if (!Id(data, "sku", "data.sku", required: true, out var sku)
            || !Text(data, "category", "data.category", required: false, MaxTextLength, out var category)
            || !Text(data, "brand", "data.brand", required: false, MaxTextLength, out var brand)
            || !Amount(data, "price", "data.price", required: false, out var price)
            || !Integer(data, "quantity", "data.quantity", required: false, 1, int.MaxValue, out var quantity))
        {
            return null;
        }

        return new CartAdded(sku!, category, brand, price, quantity ?? 1);
    }

    private Purchase? ReadPurchase(JsonElement data)
    {
        if (!Id(data, "orderId", "data.orderId", required: true, out var orderId))
        {
            return null;
        }

        if (!Present(data, "items", out var itemsElement))
        {
            return Fail<Purchase>("data.items", "is required");
        }

        if (itemsElement.ValueKind != JsonValueKind.Array)
        {
            return Fail<Purchase>("data.items", "must be an array");
        }

        var count = itemsElement.GetArrayLength();
        if (count == 0)
        {
            return Fail<Purchase>("data.items", "must contain at least one item");
        }

        var items = new PurchaseItem[count];
        var index = 0;
        foreach (var itemElement in itemsElement.EnumerateArray())
        {
            var item = ReadPurchaseItem(itemElement, index);
            if (item is null)
            {
                return null;
            }

            items[index++] = item;
        }

        return Amount(data, "total", "data.total", required: true, out var total)
            ? new Purchase(orderId!, items, total!.Value)
            : null;
    }

    private PurchaseItem? ReadPurchaseItem(JsonElement item, int index)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return Fail<PurchaseItem>(ItemPath(index, string.Empty), "must be an object");
        }

        if (!Id(item, "sku", ItemPath(index, ".sku"), required: true, out var sku)
            || !Text(item, "category", ItemPath(index, ".category"), required: false, MaxTextLength, out var category)
            || !Text(item, "brand", ItemPath(index, ".brand"), required: false, MaxTextLength, out var brand)
            || !Amount(item, "price", ItemPath(index, ".price"), required: true, out var price)
            || !Integer(item, "quantity", ItemPath(index, ".quantity"), required: true, 1, int.MaxValue, out var quantity)
            || !Amount(item, "discount", ItemPath(index, ".discount"), required: false, out var discount))
        {
            return null;
        }

        // A discount larger than the line would make negative spend and skew price sensitivity.
        if (discount > price * quantity)
        {
            return Fail<PurchaseItem>(ItemPath(index, ".discount"), "must not exceed price × quantity");
        }

        return new PurchaseItem(sku!, category, brand, price!.Value, quantity!.Value, discount ?? 0m);
    }

    private ProductReturned? ReadReturned(JsonElement data)
    {
        if (!Id(data, "orderId", "data.orderId", required: true, out var orderId)
            || !Id(data, "sku", "data.sku", required: true, out var sku)
            || !Amount(data, "amount", "data.amount", required: true, out var amount))
        {
            return null;
        }

        return new ProductReturned(orderId!, sku!, amount!.Value);
    }

    private FeedbackGiven? ReadFeedback(JsonElement data)
    {
        if (!Integer(data, "nps", "data.nps", required: false, 0, 10, out var nps)
            || !Integer(data, "ces", "data.ces", required: false, 1, 7, out var ces)
            || !Text(data, "comment", "data.comment", required: false, MaxTextLength, out var comment))
        {
            return null;
        }

        if (nps is null && ces is null && comment is null)
        {
            return Fail<FeedbackGiven>("data", "must contain at least one of nps, ces or comment");
        }

        return new FeedbackGiven(nps, ces, comment);
    }

    private ComplaintOpened? ReadComplaintOpened(JsonElement data)
    {
        if (!Id(data, "complaintId", "data.complaintId", required: true, out var complaintId)
            || !Text(data, "topic", "data.topic", required: false, MaxTextLength, out var topic)
            || !Text(data, "severity", "data.severity", required: false, MaxTextLength, out var severity))
        {
            return null;
        }

        return new ComplaintOpened(complaintId!, topic, severity);
    }

    private ComplaintResolved? ReadComplaintResolved(JsonElement data) =>
        Id(data, "complaintId", "data.complaintId", required: true, out var complaintId)
            ? new ComplaintResolved(complaintId!)
            : null;

    private ConsentChanged? ReadConsent(JsonElement data)
    {
        if (!Id(data, "channel", "data.channel", required: true, out var channel)
            || !Id(data, "purpose", "data.purpose", required: false, out var purpose))
        {
            return null;
        }

        if (!Present(data, "granted", out var granted))
        {
            return Fail<ConsentChanged>("data.granted", "is required");
        }

        if (granted.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return Fail<ConsentChanged>("data.granted", "must be true or false");
        }

        return new ConsentChanged(channel!, purpose, granted.GetBoolean());
    }

    private SuggestionOutcomeRecorded? ReadSuggestionOutcome(JsonElement data)
    {
        if (!Id(data, "suggestionId", "data.suggestionId", required: true, out var suggestionId)
            || !Id(data, "actionId", "data.actionId", required: true, out var actionId)
            || !Id(data, "kind", "data.kind", required: true, out var kind)
            || !Id(data, "outcome", "data.outcome", required: true, out var outcome)
            || !Text(data, "reason", "data.reason", required: false, MaxTextLength, out var reason))
        {
            return null;
        }

        return outcome is SuggestionOutcomeRecorded.Accepted or SuggestionOutcomeRecorded.Dismissed
            ? new SuggestionOutcomeRecorded(suggestionId!, actionId!, kind!, outcome, reason)
            : Fail<SuggestionOutcomeRecorded>("data.outcome", "must be accepted or dismissed");
    }

    private bool OccurredAt(JsonElement element, out DateTimeOffset occurredAt)
    {
        occurredAt = default;
        if (!Text(element, "occurredAt", "occurredAt", required: true, int.MaxValue, out var text))
        {
            return false;
        }

        if (!Rfc3339.TryParse(text, out occurredAt))
        {
            return Failed("occurredAt", "must be an RFC 3339 timestamp with offset, e.g. 2026-03-01T10:00:00Z or 2026-03-01T12:00:00+02:00");
        }

        if (now is not { } clock)
        {
            return true;
        }

        if (occurredAt < options.EarliestOccurredAt)
        {
            return Failed("occurredAt", "is out of range: must not be before " + Rfc3339.Format(options.EarliestOccurredAt));
        }

        if (occurredAt > clock + options.MaxFutureSkew)
        {
            return Failed("occurredAt", "is out of range: must not be more than " + DurationText.Describe(options.MaxFutureSkew) + " ahead of the engine's clock");
        }

        return true;
    }

    private static readonly string[] ItemFields = [string.Empty, ".sku", ".category", ".brand", ".price", ".quantity", ".discount"];
    private static readonly string?[] ItemPaths = new string?[16 * ItemFields.Length];

    // Every purchase line names the paths of its fields, which only an error message reads: those of
    // the first lines are made once.
    private static string ItemPath(int index, string field)
    {
        var known = Array.IndexOf(ItemFields, field);
        var slot = (index * ItemFields.Length) + known;
        return known >= 0 && (uint)slot < (uint)ItemPaths.Length
            ? ItemPaths[slot] ??= MakeItemPath(index, field)
            : MakeItemPath(index, field);
    }

    private static string MakeItemPath(int index, string field) => "data.items[" + index.ToString(CultureInfo.InvariantCulture) + "]" + field;

    private bool Channel(JsonElement element, out EventChannel? channel)
    {
        channel = null;
        if (!Present(element, "channel", out var value))
        {
            return true;
        }

        // Compared as UTF-8: nearly every event names a channel, and the name is not kept.
        channel = value.ValueKind != JsonValueKind.String ? null
            : value.ValueEquals("store"u8) ? EventChannel.Store
            : value.ValueEquals("online"u8) ? EventChannel.Online
            : value.ValueEquals("app"u8) ? EventChannel.App
            : value.ValueEquals("callcenter"u8) ? EventChannel.CallCenter
            : null;
        return channel is not null || Failed("channel", "must be one of: " + ChannelNames);
    }

    private bool Kind(JsonElement data, out CustomerKind kind)
    {
        kind = default;
        if (!Present(data, "kind", out var value))
        {
            return Failed("data.kind", "is required; must be one of: " + KindNames);
        }

        switch (value.ValueKind == JsonValueKind.String ? value.GetString() : null)
        {
            case "individual":
                kind = CustomerKind.Individual;
                return true;
            case "organization":
                kind = CustomerKind.Organization;
                return true;
            default:
                return Failed("data.kind", "must be one of: " + KindNames);
        }
    }

    private bool Attributes(JsonElement data, out IReadOnlyDictionary<string, string> attributes)
    {
        attributes = EmptyAttributes;
        if (!Present(data, "attributes", out var element))
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return Failed("data.attributes", "must be an object whose values are strings");
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var path = "data.attributes." + property.Name;
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                return Failed(path, "must be a string");
            }

            var value = property.Value.GetString()!;
            if (value.Length > MaxTextLength)
            {
                return Failed(path, $"must be at most {MaxTextLength} characters");
            }

            result[property.Name] = value;
        }

        if (now is not null && result.Count > options.MaxAttributes)
        {
            return Failed("data.attributes", $"must have at most {options.MaxAttributes} entries");
        }

        attributes = result;
        return true;
    }

    private bool Id(JsonElement parent, string name, string path, bool required, out string? value)
    {
        if (!Text(parent, name, path, required, MaxIdLength, out value))
        {
            return false;
        }

        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            value = null;
            return Failed(path, "must not be empty");
        }

        return true;
    }

    private bool Text(JsonElement parent, string name, string path, bool required, int maxLength, out string? value)
    {
        value = null;
        if (!Present(parent, name, out var element))
        {
            return !required || Failed(path, "is required");
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return Failed(path, "must be a string");
        }

        value = element.GetString()!;
        if (value.Length > maxLength)
        {
            value = null;
            return Failed(path, $"must be at most {maxLength} characters");
        }

        return true;
    }

    private bool Amount(JsonElement parent, string name, string path, bool required, out decimal? value)
    {
        value = null;
        if (!Present(parent, name, out var element))
        {
            return !required || Failed(path, "is required");
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetDecimal(out var number) || number < 0)
        {
            return Failed(path, "must be a number of 0 or more");
        }

        value = number;
        return true;
    }

    private bool Integer(JsonElement parent, string name, string path, bool required, int min, int max, out int? value)
    {
        value = null;
        if (!Present(parent, name, out var element))
        {
            return !required || Failed(path, "is required");
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var number) || number < min || number > max)
        {
            return Failed(path, max == int.MaxValue
                ? $"must be an integer of {min} or more"
                : $"must be an integer from {min} to {max}");
        }

        value = number;
        return true;
    }

    // A JSON null is treated as an absent field, so producers may send optional fields as null.
    private static bool Present(JsonElement parent, string name, out JsonElement value) =>
        parent.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    private bool Failed(string? field, string error)
    {
        Field = field;
        Error = error;
        return false;
    }

    private T? Fail<T>(string? field, string error)
        where T : class
    {
        Failed(field, error);
        return null;
    }

    private CustomerEvent? Fail(string? field, string error) => Fail<CustomerEvent>(field, error);
}
