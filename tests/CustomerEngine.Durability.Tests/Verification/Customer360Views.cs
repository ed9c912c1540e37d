using System.Net;
using System.Text.Json.Nodes;
using CustomerEngine.Host.Tests.Support;

namespace CustomerEngine.Durability.Tests.Verification;

/// <summary>Customers' 360 views as the API returns them, and their comparison.</summary>
public static class Customer360Views
{
    private const int Examples = 5;

    /// <summary>Reads every customer's view, insisting on a 200 for each.</summary>
    public static async Task<IReadOnlyDictionary<string, JsonNode>> ReadAsync(HostProcess host, IEnumerable<string> customerIds)
    {
        using var client = host.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(60);
        var views = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var id in customerIds)
        {
            using var response = await client.GetAsync($"/api/customers/{Uri.EscapeDataString(id)}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /api/customers/{id} answered {(int)response.StatusCode}: {body}{Environment.NewLine}{host.RecentOutput()}");
            views[id] = JsonNode.Parse(body)!;
        }

        return views;
    }

    /// <summary>
    /// Fails, naming the customers and where their views differ, unless both sets of views are the
    /// same in everything the events decide. Left out: the suggestions the API adds to the view
    /// (arbitration draws from each action's posterior, so two engines differ by design), RFM
    /// scores and tiers (they rank a customer among the base as it was at the last ranking, at
    /// start-up and then every 15 minutes) and recency (days to the clock); the last purchase those
    /// derive from is compared.
    /// </summary>
    public static void AssertSame(IReadOnlyDictionary<string, JsonNode> expected, IReadOnlyDictionary<string, JsonNode> actual, string expectedName, string actualName)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        var differing = new List<string>();
        foreach (var (id, view) in expected.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            var differences = JsonDifferences.Find(DecidedByEvents(view), DecidedByEvents(actual[id]));
            if (differences.Count > 0)
            {
                differing.Add($"{id}: {string.Join("; ", differences)}");
            }
        }

        Assert.True(
            differing.Count == 0,
            $"{differing.Count} of {expected.Count} customers differ between {expectedName} (expected) and {actualName} (actual):{Environment.NewLine}{string.Join(Environment.NewLine, differing.Take(Examples))}");
    }

    /// <summary>Fails, naming the customers, unless every view counts the purchases and store visits the log holds for its customer.</summary>
    public static void AssertCountStoredEvents(IReadOnlyDictionary<string, JsonNode> views, LogContents log, string when)
    {
        var wrong = new List<string>();
        foreach (var (customerId, view) in views.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            var events = log.Of(customerId);
            var purchases = events.Count(e => e.Type == "purchase");
            var visits = events.Count(e => e.Type == "store.entered");
            if ((int?)view["stats"]?["purchases"] != purchases || (int?)view["stats"]?["visits"] != visits)
            {
                wrong.Add($"{customerId}: the view counts {view["stats"]?["purchases"]} purchases and {view["stats"]?["visits"]} visits, the log holds {purchases} and {visits}");
            }
        }

        Assert.True(wrong.Count == 0, $"{when}, {wrong.Count} of {views.Count} customers' views miss stored events or count some twice: {string.Join("; ", wrong.Take(Examples))}");
    }

    private static JsonNode DecidedByEvents(JsonNode view)
    {
        var copy = view.DeepClone();
        copy.AsObject().Remove("suggestions");
        if (copy["value"] is JsonObject value)
        {
            value.Remove("rfm");
            value.Remove("tier");
            value.Remove("recencyDays");
        }

        return copy;
    }
}
