using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace CustomerEngine.Host.Scenarios.Support;

/// <summary>Calls of the engine's HTTP API, returning status, body and content type.</summary>
public static class EngineCalls
{
    public static async Task<(HttpStatusCode Status, JsonNode? Body, string? ContentType)> SendAsync(this HttpClient client, HttpMethod method, string path, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text), response.Content.Headers.ContentType?.MediaType);
    }

    public static Task<(HttpStatusCode Status, JsonNode? Body, string? ContentType)> GetJsonAsync(this HttpClient client, string path) =>
        client.SendAsync(HttpMethod.Get, path);

    /// <summary>Posts events and insists on a 202; returns the body (accepted and duplicate counts).</summary>
    public static async Task<JsonNode> IngestAsync(this HttpClient client, params JsonObject[] events)
    {
        var (status, body, _) = await client.SendAsync(HttpMethod.Post, "/api/events", new JsonArray([.. events.Select(e => e.DeepClone())]));
        Assert.True(status == HttpStatusCode.Accepted, $"expected 202, got {(int)status}: {body?.ToJsonString()}");
        return body!;
    }

    /// <summary>A GET that must answer 200; returns the body.</summary>
    public static async Task<JsonNode> GetOkAsync(this HttpClient client, string path)
    {
        var (status, body, _) = await client.GetJsonAsync(path);
        Assert.True(status == HttpStatusCode.OK, $"GET {path}: expected 200, got {(int)status}: {body?.ToJsonString()}");
        return body!;
    }

    public static string Escaped(string id) => Uri.EscapeDataString(id);
}
