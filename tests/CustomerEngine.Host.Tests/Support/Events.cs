using System.Text.Json.Nodes;
using CustomerEngine.Host.Scenarios.Support;

namespace CustomerEngine.Host.Tests.Support;

/// <summary>Builds wire-format events the way a producer would post them.</summary>
public static class Events
{
    public static JsonObject Event(string type, string customerId, DateTimeOffset at, JsonObject? data = null, string? storeId = null, string? channel = null, string? eventId = null) =>
        WireEvents.Event(type, customerId, at, data, storeId, channel, eventId);

    public static JsonObject Registered(string customerId, DateTimeOffset at, string name = "Ada Lovelace", string kind = "individual", string? homeStoreId = "S1") =>
        Event("customer.registered", customerId, at, new JsonObject { ["name"] = name, ["kind"] = kind, ["homeStoreId"] = homeStoreId, ["attributes"] = new JsonObject { ["segmentNote"] = "retiree" } }, channel: "online");

    public static JsonObject Purchase(string customerId, DateTimeOffset at, decimal price = 50m, string brand = "Acme", decimal discount = 0m, string storeId = "S1", string? orderId = null, string category = "tents", string sku = "TENT-1", string? eventId = null)
    {
        var items = new JsonArray { new JsonObject { ["sku"] = sku, ["category"] = category, ["brand"] = brand, ["price"] = price, ["quantity"] = 1, ["discount"] = discount } };
        return Event("purchase", customerId, at, new JsonObject { ["orderId"] = orderId ?? Guid.NewGuid().ToString("N"), ["items"] = items, ["total"] = price - discount }, storeId: storeId, channel: "store", eventId: eventId);
    }

    public static JsonObject Entered(string customerId, DateTimeOffset at, string storeId = "S1") =>
        Event("store.entered", customerId, at, storeId: storeId, channel: "store");

    public static JsonObject Left(string customerId, DateTimeOffset at, string storeId = "S1") =>
        Event("store.left", customerId, at, storeId: storeId, channel: "store");

    public static JsonObject Feedback(string customerId, DateTimeOffset at, int? nps = null, int? ces = null) =>
        Event("feedback", customerId, at, new JsonObject { ["nps"] = nps, ["ces"] = ces, ["comment"] = "ok" }, channel: "app");
}
