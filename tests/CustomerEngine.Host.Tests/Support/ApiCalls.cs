using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace CustomerEngine.Host.Tests.Support;

/// <summary>Calls of the public HTTP API, returning status and parsed body.</summary>
public static class ApiCalls
{
    public static async Task<(HttpStatusCode Status, JsonNode? Body, string? ContentType)> PostEventsAsync(this HttpClient client, JsonNode events)
    {
        using var content = new StringContent(events.ToJsonString(), Encoding.UTF8, "application/json");
        return await SendAsync(client, HttpMethod.Post, "/api/events", content);
    }

    public static async Task<(HttpStatusCode Status, JsonNode? Body, string? ContentType)> PostRawAsync(this HttpClient client, string body, string contentType = "application/json")
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        return await SendAsync(client, HttpMethod.Post, "/api/events", content);
    }

    /// <summary>Posts the events as a stream of unknown length (chunked), so the engine cannot rely on a Content-Length.</summary>
    public static async Task<(HttpStatusCode Status, JsonNode? Body, string? ContentType)> PostEventsStreamedAsync(this HttpClient client, JsonNode events)
    {
        using var content = new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(events.ToJsonString())));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return await SendAsync(client, HttpMethod.Post, "/api/events", content);
    }

    public static async Task<(HttpStatusCode Status, JsonNode? Body, string? ContentType)> GetJsonAsync(this HttpClient client, string path) =>
        await SendAsync(client, HttpMethod.Get, path, null);

    /// <summary>Posts and insists on a 202, returning the body.</summary>
    public static async Task<JsonNode> IngestAsync(this HttpClient client, params JsonNode[] events)
    {
        var (status, body, _) = await client.PostEventsAsync(new JsonArray([.. events.Select(e => e.DeepClone())]));
        Assert.True(status == HttpStatusCode.Accepted, $"expected 202, got {(int)status}: {body?.ToJsonString()}");
        return body!;
    }

    /// <summary>Reads a customer's 360 view, insisting it exists.</summary>
    public static async Task<JsonNode> CustomerAsync(this HttpClient client, string id)
    {
        var (status, body, _) = await client.GetJsonAsync($"/api/customers/{Uri.EscapeDataString(id)}");
        Assert.True(status == HttpStatusCode.OK, $"expected 200 for {id}, got {(int)status}: {body?.ToJsonString()}");
        return body!;
    }

    private static async Task<(HttpStatusCode, JsonNode?, string?)> SendAsync(HttpClient client, HttpMethod method, string path, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
        return (response.StatusCode, body, response.Content.Headers.ContentType?.MediaType);
    }
}
