using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CustomerEngine.Host.Tests.Support;

namespace CustomerEngine.Host.Tests.ValueModels;

/// <summary>Calls of the value-model API, as an admin.</summary>
public static class ClvApi
{
    public const string AdminKey = "demo-admin-key";

    /// <summary>A client of <paramref name="factory"/> that sends the development admin key on every request.</summary>
    public static HttpClient AdminClient(this Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory)
    {
        var client = factory.CreateClient();
        if (!client.DefaultRequestHeaders.Contains("X-Api-Key"))
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        }

        return client;
    }

    public static async Task<(HttpStatusCode Status, JsonNode? Body)> PostJsonAsync(this HttpClient client, string path, JsonNode? body)
    {
        using var response = await client.PostAsync(path, body is null ? null : JsonContent.Create(body));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text));
    }

    /// <summary>Starts a fit and insists on a 202.</summary>
    public static async Task<string> StartFitAsync(this HttpClient client, JsonObject? body = null)
    {
        var (status, run) = await client.PostJsonAsync("/api/models/clv/fit", body ?? []);
        Assert.True(status == HttpStatusCode.Accepted, $"expected 202, got {(int)status}: {run?.ToJsonString()}");
        return (string)run!["id"]!;
    }

    /// <summary>Polls the run until it has finished, and returns its last report.</summary>
    public static async Task<JsonNode> WaitForFitAsync(this HttpClient client, string id)
    {
        for (var attempt = 0; attempt < 1200; attempt++)
        {
            var (status, run, _) = await client.GetJsonAsync($"/api/models/clv/fits/{id}");
            Assert.Equal(HttpStatusCode.OK, status);
            if ((string?)run!["status"] != "running")
            {
                return run;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"fit {id} did not finish within two minutes");
        return null!;
    }

    /// <summary>Fits and insists that the fit succeeded; returns the run report.</summary>
    public static async Task<JsonNode> FitAsync(this HttpClient client, JsonObject? body = null)
    {
        var run = await client.WaitForFitAsync(await client.StartFitAsync(body));
        Assert.True((string?)run["status"] == "succeeded", $"the fit failed: {run.ToJsonString()}");
        return run;
    }

    /// <summary>The current model, insisting there is one.</summary>
    public static async Task<JsonNode> CurrentModelAsync(this HttpClient client)
    {
        var (status, body, _) = await client.GetJsonAsync("/api/models/clv");
        Assert.True(status == HttpStatusCode.OK, $"expected 200, got {(int)status}: {body?.ToJsonString()}");
        return body!;
    }

    /// <summary>Posts events in batches of at most 1,000, the API's limit.</summary>
    public static async Task IngestInBatchesAsync(this HttpClient client, IReadOnlyList<JsonObject> events)
    {
        foreach (var batch in events.Chunk(1000))
        {
            var body = await client.IngestAsync([.. batch]);
            Assert.Equal(batch.Length, (int)body["accepted"]!);
        }
    }
}
