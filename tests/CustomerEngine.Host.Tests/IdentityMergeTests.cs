using System.Net;
using System.Text.Json.Nodes;
using CustomerEngine.Host.Tests.Support;
using static CustomerEngine.Host.Tests.Support.Events;

namespace CustomerEngine.Host.Tests;

public sealed class IdentityMergeTests(EngineFixture engine) : IClassFixture<EngineFixture>
{
    private static readonly DateTimeOffset Day = new(2026, 4, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly HttpClient _client = engine.Client;

    [Fact]
    public async Task An_anonymous_visitor_is_a_prospect_of_its_own_until_identified()
    {
        var anonymousId = $"cookie-{Guid.NewGuid():N}";
        await _client.IngestAsync(Anonymous(anonymousId, "product.viewed", Day, new JsonObject { ["sku"] = "TENT-1" }));

        var visitor = await _client.CustomerAsync($"anon:{anonymousId}");

        Assert.Equal("prospect", (string?)visitor["lifecycle"]!["stage"]);
    }

    [Fact]
    public async Task Identifying_merges_the_anonymous_history_into_the_customer_exactly_once()
    {
        var id = $"c-{Guid.NewGuid():N}";
        var anonymousId = $"cookie-{Guid.NewGuid():N}";
        await _client.IngestAsync(
            Anonymous(anonymousId, "store.entered", Day, storeId: "S1"),
            Anonymous(anonymousId, "product.viewed", Day.AddMinutes(3), new JsonObject { ["sku"] = "TENT-1" }),
            Purchase(id, Day.AddDays(-10)));

        await _client.IngestAsync(Identified(id, anonymousId, Day.AddMinutes(5)));
        await _client.IngestAsync(Identified(id, anonymousId, Day.AddMinutes(6)));
        await _client.IngestAsync(Anonymous(anonymousId, "store.entered", Day.AddDays(1), storeId: "S1"));

        var customer = await _client.CustomerAsync(id);
        Assert.Equal(2, (int)customer["stats"]!["visits"]!);
        Assert.Equal(1, (int)customer["stats"]!["purchases"]!);
        // Two anonymous visits, a view, the purchase and one identification: the repeat changes nothing.
        Assert.Equal(5, customer["recent"]!.AsArray().Count);
        var (status, _, _) = await _client.GetJsonAsync($"/api/customers/anon:{anonymousId}");
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task An_anonymous_history_claimed_by_one_customer_is_not_merged_into_a_second()
    {
        var first = $"c-{Guid.NewGuid():N}";
        var second = $"c-{Guid.NewGuid():N}";
        var anonymousId = $"cookie-{Guid.NewGuid():N}";
        await _client.IngestAsync(Anonymous(anonymousId, "store.entered", Day, storeId: "S1"));

        await _client.IngestAsync(Identified(first, anonymousId, Day.AddMinutes(1)));
        await _client.IngestAsync(Identified(second, anonymousId, Day.AddMinutes(2)));

        Assert.Equal(1, (int)(await _client.CustomerAsync(first))["stats"]!["visits"]!);
        Assert.Equal(0, (int)(await _client.CustomerAsync(second))["stats"]!["visits"]!);
    }

    private static JsonObject Anonymous(string anonymousId, string type, DateTimeOffset at, JsonObject? data = null, string? storeId = null)
    {
        var e = Event(type, "ignored", at, data, storeId: storeId, channel: storeId is null ? "online" : "store");
        e.Remove("customerId");
        e["anonymousId"] = anonymousId;
        return e;
    }

    private static JsonObject Identified(string customerId, string anonymousId, DateTimeOffset at) =>
        Event("customer.identified", customerId, at, new JsonObject { ["anonymousId"] = anonymousId }, channel: "online");
}
