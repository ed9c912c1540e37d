using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CustomerEngine.Durability.Tests.Stores;
using CustomerEngine.Host.Tests.Support;

namespace CustomerEngine.Durability.Tests.Verification;

/// <summary>
/// The state the engine should have: the same events posted, in the order they happened, into a
/// new and empty store of the same provider through a host of its own, which folds them once with
/// no crash, no restart and no replay in between.
/// </summary>
public static class FreshReplay
{
    private const int EventsPerPost = 500;

    public static async Task<IReadOnlyDictionary<string, JsonNode>> ViewsAsync(StorageProvider provider, DedicatedPostgresServer postgres, IEnumerable<JsonObject> events, IReadOnlyCollection<string> customerIds)
    {
        await using var store = await EngineStoreUnderTest.CreateAsync(provider, postgres);
        await using var host = await HostProcess.StartAsync(store.HostSettings());
        using (var client = host.CreateClient())
        {
            client.Timeout = TimeSpan.FromSeconds(60);
            var ordered = events.OrderBy(e => DateTimeOffset.Parse((string)e["occurredAt"]!, CultureInfo.InvariantCulture)).ToList();
            foreach (var chunk in ordered.Chunk(EventsPerPost))
            {
                using var content = new StringContent(new JsonArray([.. chunk.Select(e => e.DeepClone())]).ToJsonString(), Encoding.UTF8, "application/json");
                using var response = await client.PostAsync("/api/events", content);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(
                    response.StatusCode == HttpStatusCode.Accepted && (int?)JsonNode.Parse(body)?["accepted"] == chunk.Length,
                    $"the fresh replay's post of {chunk.Length} events answered {(int)response.StatusCode}: {body}");
            }
        }

        var views = await Customer360Views.ReadAsync(host, customerIds);
        Assert.Equal(0, await host.TerminateAsync());
        return views;
    }
}
