using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace CustomerEngine.Samples.BirthdayWeek.Tests.Support;

/// <summary>The few calls of the public HTTP API the tests make, and wire-format events.</summary>
internal static class Api
{
    public static JsonObject Event(string type, string customerId, DateTimeOffset at, JsonObject? data = null, string? storeId = null, string? channel = null)
    {
        var e = new JsonObject
        {
            ["eventId"] = Guid.NewGuid().ToString("N"),
            ["customerId"] = customerId,
            ["type"] = type,
            ["occurredAt"] = at.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
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

    public static JsonObject Registered(string customerId, DateTimeOffset at, JsonObject attributes) =>
        Event("customer.registered", customerId, at, new JsonObject { ["name"] = "Ada Lovelace", ["kind"] = "individual", ["homeStoreId"] = "S1", ["attributes"] = attributes }, channel: "online");

    public static JsonObject Entered(string customerId, DateTimeOffset at) => Event("store.entered", customerId, at, storeId: "S1", channel: "store");

    public static JsonObject Purchase(string customerId, DateTimeOffset at) =>
        Event("purchase", customerId, at, new JsonObject
        {
            ["orderId"] = Guid.NewGuid().ToString("N"),
            ["items"] = new JsonArray { new JsonObject { ["sku"] = "TENT-1", ["category"] = "tents", ["brand"] = "Acme", ["price"] = 50m, ["quantity"] = 1 } },
            ["total"] = 50m,
        }, storeId: "S1", channel: "store");

    /// <summary>Posts the events and insists that every one is accepted (202, none rejected).</summary>
    public static async Task IngestAsync(this HttpClient client, params JsonObject[] events)
    {
        using var content = new StringContent(new JsonArray([.. events]).ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/api/events", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"expected 202, got {(int)response.StatusCode}: {body}");
        Assert.Equal(events.Length, (int)JsonNode.Parse(body)!["accepted"]!);
    }

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }
}
