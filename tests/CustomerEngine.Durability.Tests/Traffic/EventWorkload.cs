using System.Globalization;
using System.Text.Json.Nodes;
using CustomerEngine.Host.Scenarios.Support;

namespace CustomerEngine.Durability.Tests.Traffic;

/// <summary>
/// The events a test posts, reproducible from a seed: unique ids, a few customers shared by every
/// client, the common event types (purchases among them). Every event gets its own second on one
/// timeline, so a customer's events fold in the same order in any store, whatever order they were
/// stored in; the timeline lies days in the past, where no time-driven lifecycle stage (60 days
/// and more) can fall due while the test runs.
/// </summary>
public sealed class EventWorkload
{
    public const int MaxEventsPerBatch = 12;

    private static readonly string[] Stores = ["S1", "S2", "S3"];

    private static readonly (string Sku, string Category, string Brand, decimal Price)[] Products =
    [
        ("TENT-1", "tents", "Acme", 189.00m),
        ("BAG-2", "sleeping-bags", "Acme", 79.50m),
        ("STOVE-3", "cooking", "Blaze", 45.99m),
        ("LAMP-4", "lighting", "Lumen", 24.90m),
        ("BOOT-5", "footwear", "Trail", 129.00m),
        ("SOCK-6", "footwear", "Trail", 12.50m),
    ];

    private readonly int _seed;
    private readonly int _clients;
    private readonly string _prefix;
    private readonly DateTimeOffset _start = new(DateTime.UtcNow.Date.AddDays(-10), TimeSpan.Zero);

    public EventWorkload(int seed, int clients, int customers, string prefix)
    {
        _seed = seed;
        _clients = clients;
        _prefix = prefix;
        CustomerIds = [.. Enumerable.Range(1, customers).Select(i => string.Create(CultureInfo.InvariantCulture, $"{prefix}-c{i:00}"))];
    }

    public IReadOnlyList<string> CustomerIds { get; }

    /// <summary>The batches one client posts, one after another, each different.</summary>
    public IEnumerator<EventBatch> ForClient(int client)
    {
        var random = new Random(unchecked((_seed * 7919) + client));
        for (var number = 0; ; number++)
        {
            var count = random.Next(1, MaxEventsPerBatch + 1);
            var events = new List<JsonObject>(count);
            for (var i = 0; i < count; i++)
            {
                var second = (((long)number * _clients) + client) * MaxEventsPerBatch + i;
                var eventId = string.Create(CultureInfo.InvariantCulture, $"{_prefix}-{client}-{number}-{i}");
                events.Add(NextEvent(random, eventId, _start.AddSeconds(second)));
            }

            yield return new EventBatch(string.Create(CultureInfo.InvariantCulture, $"{client}/{number}"), events);
        }
    }

    private JsonObject NextEvent(Random random, string eventId, DateTimeOffset at)
    {
        var customerId = CustomerIds[random.Next(CustomerIds.Count)];
        var store = Stores[random.Next(Stores.Length)];
        var product = Products[random.Next(Products.Length)];
        var roll = random.Next(100);
        return roll switch
        {
            < 5 => Event(eventId, "customer.registered", customerId, at, "online", null, new JsonObject
            {
                ["name"] = "Customer " + customerId,
                ["kind"] = "individual",
                ["homeStoreId"] = store,
            }),
            < 25 => Event(eventId, "store.entered", customerId, at, "store", store, null),
            < 40 => Event(eventId, "product.viewed", customerId, at, "online", null, new JsonObject
            {
                ["sku"] = product.Sku,
                ["category"] = product.Category,
                ["brand"] = product.Brand,
                ["price"] = product.Price,
            }),
            < 50 => Event(eventId, "cart.added", customerId, at, "online", null, new JsonObject
            {
                ["sku"] = product.Sku,
                ["category"] = product.Category,
                ["brand"] = product.Brand,
                ["price"] = product.Price,
                ["quantity"] = random.Next(1, 3),
            }),
            < 75 => Purchase(random, eventId, customerId, at, store),
            < 90 => Event(eventId, "store.left", customerId, at, "store", store, null),
            _ => Event(eventId, "feedback", customerId, at, "app", null, new JsonObject
            {
                ["nps"] = random.Next(0, 11),
                ["ces"] = random.Next(1, 8),
                ["comment"] = "ok",
            }),
        };
    }

    private static JsonObject Purchase(Random random, string eventId, string customerId, DateTimeOffset at, string store)
    {
        var items = new JsonArray();
        var total = 0m;
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var (sku, category, brand, price) = Products[random.Next(Products.Length)];
            var discount = random.Next(4) == 0 ? Math.Round(price * 0.1m, 2) : 0m;
            items.Add(new JsonObject { ["sku"] = sku, ["category"] = category, ["brand"] = brand, ["price"] = price, ["quantity"] = 1, ["discount"] = discount });
            total += price - discount;
        }

        return Event(eventId, "purchase", customerId, at, "store", store, new JsonObject { ["orderId"] = "order-" + eventId, ["items"] = items, ["total"] = total });
    }

    private static JsonObject Event(string eventId, string type, string customerId, DateTimeOffset at, string channel, string? storeId, JsonObject? data) =>
        WireEvents.Event(type, customerId, at, data, storeId, channel, eventId);
}
