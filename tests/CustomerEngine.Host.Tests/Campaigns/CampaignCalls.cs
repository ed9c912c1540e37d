using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace CustomerEngine.Host.Tests.Campaigns;

/// <summary>Calls of <c>/api/campaigns</c>, returning status and parsed body.</summary>
public static class CampaignCalls
{
    /// <summary>An inline offer worth so much that it always ranks among a customer's suggestions.</summary>
    public static JsonObject Campaign(
        string name = "Tent buyers: sleeping mats",
        JsonNode? audience = null,
        JsonNode? trigger = null,
        JsonObject? caps = null,
        double holdoutPercent = 0,
        double value = 1000,
        JsonObject? schedule = null) => new()
        {
            ["name"] = name,
            ["offer"] = new JsonObject { ["title"] = "15% off sleeping mats", ["reason"] = "Completes the camping kit", ["value"] = value, ["actionId"] = null },
            ["audience"] = audience ?? JsonNode.Parse("""
                { "all": [ { "field": "lifecycle.stage", "in": ["new", "active"] },
                           { "not": { "field": "segments.priceSensitivity", "in": ["priceDriven"] } } ] }
                """),
            ["trigger"] = trigger ?? JsonNode.Parse("""{ "eventType": "purchase", "where": { "field": "items.category", "contains": "tents" } }"""),
            ["schedule"] = schedule,
            ["caps"] = caps,
            ["holdoutPercent"] = holdoutPercent,
            ["lever"] = 5,
        };

    public static async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(this HttpClient client, HttpMethod method, string path, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text));
    }

    /// <summary>Creates a campaign, insisting on a 201, and returns its id.</summary>
    public static async Task<string> CreateCampaignAsync(this HttpClient client, JsonObject campaign)
    {
        var (status, body) = await client.SendAsync(HttpMethod.Post, "/api/campaigns", campaign);
        Assert.True(status == HttpStatusCode.Created, $"expected 201, got {(int)status}: {body?.ToJsonString()}");
        return (string)body!["id"]!;
    }

    /// <summary>Activates, pauses or ends a campaign, insisting on a 200.</summary>
    public static async Task<JsonNode> CommandAsync(this HttpClient client, string id, string command)
    {
        var (status, body) = await client.SendAsync(HttpMethod.Post, $"/api/campaigns/{id}/{command}");
        Assert.True(status == HttpStatusCode.OK, $"{command}: expected 200, got {(int)status}: {body?.ToJsonString()}");
        return body!;
    }

    public static async Task<string> StartCampaignAsync(this HttpClient client, JsonObject campaign)
    {
        var id = await client.CreateCampaignAsync(campaign);
        await client.CommandAsync(id, "activate");
        return id;
    }

    public static async Task<JsonNode> ResultsAsync(this HttpClient client, string id)
    {
        var (status, body) = await client.SendAsync(HttpMethod.Get, $"/api/campaigns/{id}/results");
        Assert.True(status == HttpStatusCode.OK, $"results: expected 200, got {(int)status}: {body?.ToJsonString()}");
        return body!;
    }

    public static long Count(this JsonNode results, string group, string count) => (long)results[group]![count]!;

    /// <summary>The customer's current suggestions of the campaign.</summary>
    public static async Task<IReadOnlyList<JsonNode>> OffersAsync(this HttpClient client, string customerId, string campaignId)
    {
        var (status, body) = await client.SendAsync(HttpMethod.Get, $"/api/customers/{Uri.EscapeDataString(customerId)}/suggestions");
        Assert.True(status == HttpStatusCode.OK, $"suggestions of {customerId}: {(int)status} {body?.ToJsonString()}");
        return [.. body!.AsArray().Where(s => (string?)s!["actionId"] == "campaign:" + campaignId).Select(s => s!)];
    }
}
