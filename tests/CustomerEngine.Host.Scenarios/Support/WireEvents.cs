using System.Text.Json.Nodes;

namespace CustomerEngine.Host.Scenarios.Support;

/// <summary>Events in the wire form, as a producer posts them.</summary>
public static class WireEvents
{
    public static JsonObject Event(string type, string customerId, DateTimeOffset at, JsonObject? data = null, string? storeId = null, string? channel = null, string? eventId = null)
    {
        var e = new JsonObject
        {
            ["eventId"] = eventId ?? Guid.NewGuid().ToString("N"),
            ["customerId"] = customerId,
            ["type"] = type,
            ["occurredAt"] = at.ToString("O"),
        };
        if (storeId is not null)
        {
            e["storeId"] = storeId;
        }

        if (channel is not null)
        {
            e["channel"] = channel;
        }

        if (data is not null)
        {
            e["data"] = data;
        }

        return e;
    }

    /// <summary>The same event from an anonymous visitor.</summary>
    public static JsonObject Anonymous(JsonObject e, string anonymousId)
    {
        e.Remove("customerId");
        e["anonymousId"] = anonymousId;
        return e;
    }

    public static JsonObject Registered(string customerId, DateTimeOffset at, string name) =>
        Event("customer.registered", customerId, at, new JsonObject { ["name"] = name, ["kind"] = "individual", ["homeStoreId"] = "S1" }, channel: "online");

    public static JsonObject Purchase(string customerId, DateTimeOffset at, params string[] skus) =>
        Event("purchase", customerId, at, new JsonObject
        {
            ["orderId"] = Guid.NewGuid().ToString("N"),
            ["items"] = new JsonArray([.. (skus.Length == 0 ? ["TENT-1"] : skus).Select(sku => (JsonNode)new JsonObject { ["sku"] = sku, ["category"] = "tents", ["brand"] = "Acme", ["price"] = 50m, ["quantity"] = 1 })]),
            ["total"] = 50m * Math.Max(1, skus.Length),
        }, storeId: "S1", channel: "store");

    public static JsonObject Entered(string customerId, DateTimeOffset at, string storeId = "S1") =>
        Event("store.entered", customerId, at, storeId: storeId, channel: "store");

    public static JsonObject Consent(string customerId, DateTimeOffset at, bool granted) =>
        Event("consent.changed", customerId, at, new JsonObject { ["channel"] = "email", ["purpose"] = "marketing", ["granted"] = granted }, channel: "online");

    public static JsonObject Identified(string customerId, string anonymousId, DateTimeOffset at) =>
        Event("customer.identified", customerId, at, new JsonObject { ["anonymousId"] = anonymousId }, channel: "online");
}
