using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CustomerEngine.HubClient;

namespace CustomerEngine.Storage.Postgres.Tests.EngineHost;

/// <summary>Events and calls of the engine's API, for the tests that host it on PostgreSQL.</summary>
public static class EngineCalls
{
    /// <summary>An event with a fresh id, in store S1 unless <paramref name="storeId"/> says otherwise.</summary>
    public static JsonObject Event(string type, string customerId, DateTimeOffset at, JsonObject data, string storeId = "S1") => new()
    {
        ["eventId"] = Guid.NewGuid().ToString("N"),
        ["customerId"] = customerId,
        ["type"] = type,
        ["occurredAt"] = at.ToString("O"),
        ["storeId"] = storeId,
        ["channel"] = "store",
        ["data"] = data,
    };

    /// <summary>Posts the events as one batch, insisting on a 202, and returns the answer.</summary>
    public static async Task<JsonNode> PostEventsAsync(HttpClient client, params JsonObject[] events)
    {
        using var content = new StringContent(new JsonArray([.. events.Select(e => e.DeepClone())]).ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/api/events", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"expected 202, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>How long a test waits for one node to learn what another did.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    /// <summary>Posts the events as one batch and insists that every one was accepted.</summary>
    public static async Task PostAsync(HttpClient client, params JsonObject[] events) =>
        Assert.Equal(events.Length, (int)(await PostEventsAsync(client, events))["accepted"]!);

    /// <summary>Waits until <paramref name="condition"/> holds, failing with <paramref name="what"/> after <see cref="Patience"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what}.");
            await Task.Delay(50);
        }
    }

    /// <summary>As <see cref="UntilAsync(Func{Task{bool}}, string)"/> for a condition read at once.</summary>
    public static Task UntilAsync(Func<bool> condition, string what) => UntilAsync(() => Task.FromResult(condition()), what);

    /// <summary>A dashboard connected to <paramref name="node"/>'s hub as the development admin.</summary>
    public static async Task<JsonHubClient> ConnectDashboardAsync(EngineOnPostgresFactory node)
    {
        var sockets = node.Server.CreateWebSocketClient();
        sockets.ConfigureRequest = request => request.Headers["X-Api-Key"] = "demo-admin-key";
        return await JsonHubClient.ConnectAsync(await sockets.ConnectAsync(new Uri("ws://localhost/hubs/engagement"), CancellationToken.None));
    }

    /// <summary>A campaign offering to everyone in the audience, worth enough to rank among any customer's suggestions.</summary>
    public static JsonObject StandingOffer() => new()
    {
        ["name"] = "Everyone: sleeping mats",
        ["offer"] = new JsonObject { ["title"] = "15% off sleeping mats", ["reason"] = "Completes the camping kit", ["value"] = 1000 },
        ["audience"] = JsonNode.Parse("""{ "field": "lifecycle.stage", "in": ["new", "active"] }"""),
        ["trigger"] = JsonNode.Parse("""{ "whileInAudience": true }"""),
        ["holdoutPercent"] = 0,
        ["lever"] = 5,
    };

    /// <summary>A customer's 360 view, insisting on a 200.</summary>
    public static async Task<JsonNode> GetCustomerAsync(HttpClient client, string id)
    {
        using var response = await client.GetAsync($"/api/customers/{Uri.EscapeDataString(id)}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected 200 for {id}, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }
}
