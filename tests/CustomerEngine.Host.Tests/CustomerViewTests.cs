using System.Net;
using System.Text.Json.Nodes;
using CustomerEngine.Host.Tests.Support;
using static CustomerEngine.Host.Tests.Support.Events;

namespace CustomerEngine.Host.Tests;

public sealed class CustomerViewTests(EngineFixture engine) : IClassFixture<EngineFixture>
{
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow.AddDays(-20);
    private readonly HttpClient _client = engine.Client;

    [Fact]
    public async Task Every_event_type_shows_in_the_customer_360_view()
    {
        var id = $"c-{Guid.NewGuid():N}";
        var basket = new JsonArray
        {
            new JsonObject { ["sku"] = "TENT-2P", ["category"] = "tents", ["brand"] = "Nordic", ["price"] = 200m, ["quantity"] = 1, ["discount"] = 50m },
            new JsonObject { ["sku"] = "MAT-1", ["category"] = "mats", ["brand"] = "Nordic", ["price"] = 40m, ["quantity"] = 2 },
        };
        await _client.IngestAsync(
            Registered(id, Start, name: "Northwind School", kind: "organization", homeStoreId: "S7"),
            Event("consent.changed", id, Start.AddMinutes(1), new JsonObject { ["channel"] = "email", ["purpose"] = "marketing", ["granted"] = true }, channel: "online"),
            Entered(id, Start.AddDays(1), storeId: "S7"),
            Event("product.viewed", id, Start.AddDays(1).AddMinutes(5), new JsonObject { ["sku"] = "TENT-2P", ["category"] = "tents", ["brand"] = "Nordic", ["price"] = 200m }, storeId: "S7", channel: "store"),
            Event("cart.added", id, Start.AddDays(1).AddMinutes(9), new JsonObject { ["sku"] = "TENT-2P", ["quantity"] = 1, ["price"] = 200m }, storeId: "S7", channel: "store"),
            Event("purchase", id, Start.AddDays(1).AddMinutes(15), new JsonObject { ["orderId"] = "o-1", ["items"] = basket, ["total"] = 230m }, storeId: "S7", channel: "store"),
            Left(id, Start.AddDays(1).AddMinutes(20), storeId: "S7"),
            Event("return", id, Start.AddDays(3), new JsonObject { ["orderId"] = "o-1", ["sku"] = "MAT-1", ["amount"] = 40m }, storeId: "S7", channel: "store"),
            Feedback(id, Start.AddDays(4), nps: 4, ces: 6),
            Event("complaint.opened", id, Start.AddDays(4).AddHours(1), new JsonObject { ["complaintId"] = "k-1", ["topic"] = "refund", ["severity"] = "high" }, channel: "callcenter"),
            Event("complaint.resolved", id, Start.AddDays(4).AddHours(7), new JsonObject { ["complaintId"] = "k-1" }, channel: "callcenter"),
            Event("complaint.opened", id, Start.AddDays(5), new JsonObject { ["complaintId"] = "k-2" }, channel: "callcenter"),
            Event("consent.changed", id, Start.AddDays(6), new JsonObject { ["channel"] = "email", ["purpose"] = "marketing", ["granted"] = false }, channel: "online"));

        var c = await _client.CustomerAsync(id);

        Assert.Equal(id, (string?)c["customerId"]);
        Assert.Equal("organization", (string?)c["kind"]);
        Assert.Equal("S7", (string?)c["homeStoreId"]);
        Assert.Equal("retiree", (string?)c["attributes"]!["segmentNote"]);
        Assert.Equal("new", (string?)c["lifecycle"]!["stage"]);
        var stats = c["stats"]!;
        Assert.Equal(1, (int)stats["purchases"]!);
        Assert.Equal(230m, (decimal)stats["spend"]!);
        Assert.Equal(1, (int)stats["returns"]!);
        Assert.Equal(1, (int)stats["visits"]!);
        Assert.Equal(Start.AddDays(1).AddMinutes(15), (DateTimeOffset)stats["firstPurchaseAt"]!);
        Assert.Equal(Start.AddDays(6), (DateTimeOffset)stats["lastSeenAt"]!);
        Assert.Equal(190m, (decimal)c["value"]!["monetary"]!);
        Assert.Equal(1, (int)c["value"]!["frequency"]!);
        var satisfaction = c["satisfaction"]!;
        Assert.Equal(4, (int)satisfaction["nps"]!);
        Assert.Equal("detractor", (string?)satisfaction["npsCategory"]);
        Assert.Equal(6, (int)satisfaction["ces"]!);
        Assert.Equal(1, (int)satisfaction["openComplaints"]!);
        Assert.Equal(1, (int)satisfaction["complaintsResolved"]!);
        var consent = Assert.Single(c["consent"]!.AsArray());
        Assert.Equal("email", (string?)consent!["channel"]);
        Assert.False((bool)consent["granted"]!);
        Assert.Equal("loyal", (string?)c["segments"]!["loyalty"]);
        var recent = c["recent"]!.AsArray();
        Assert.Equal(13, recent.Count);
        Assert.Equal("consent.changed", (string?)recent[0]!["type"]);
        Assert.Equal("customer.registered", (string?)recent[^1]!["type"]);
    }

    [Fact]
    public async Task Recent_interactions_keep_the_newest_twenty_newest_first()
    {
        var id = $"c-{Guid.NewGuid():N}";
        await _client.IngestAsync([.. Enumerable.Range(0, 30).Select(i => (JsonNode)Entered(id, Start.AddHours(i)))]);

        var recent = (await _client.CustomerAsync(id))["recent"]!.AsArray();

        Assert.Equal(20, recent.Count);
        Assert.Equal(Start.AddHours(29), (DateTimeOffset)recent[0]!["occurredAt"]!);
        Assert.Equal(Start.AddHours(10), (DateTimeOffset)recent[^1]!["occurredAt"]!);
    }

    [Fact]
    public async Task Segments_follow_discounts_brands_and_channels()
    {
        var bargain = $"c-{Guid.NewGuid():N}";
        var explorer = $"c-{Guid.NewGuid():N}";
        await _client.IngestAsync(
            Purchase(bargain, Start, price: 100m, discount: 30m, brand: "A"),
            Purchase(bargain, Start.AddDays(1), price: 100m, discount: 20m, brand: "A"),
            Purchase(bargain, Start.AddDays(2), price: 100m, brand: "A"));
        await _client.IngestAsync([.. new[] { "A", "B", "C", "D" }.Select((brand, i) => (JsonNode)Purchase(explorer, Start.AddDays(i), brand: brand))]);
        await _client.IngestAsync(
            Event("product.viewed", explorer, Start.AddDays(5), new JsonObject { ["sku"] = "X" }, channel: "online"),
            Event("product.viewed", explorer, Start.AddDays(5), new JsonObject { ["sku"] = "Y" }, channel: "app"),
            Event("product.viewed", explorer, Start.AddDays(5), new JsonObject { ["sku"] = "Z" }, channel: "online"));

        var b = (await _client.CustomerAsync(bargain))["segments"]!;
        var e = (await _client.CustomerAsync(explorer))["segments"]!;

        Assert.Equal("priceDriven", (string?)b["priceSensitivity"]);
        Assert.Equal("loyal", (string?)b["loyalty"]);
        Assert.Equal("store", (string?)b["channel"]);
        Assert.Equal("valueDriven", (string?)e["priceSensitivity"]);
        Assert.Equal("multiBrandExplorer", (string?)e["loyalty"]);
        Assert.Equal("omnichannel", (string?)e["channel"]);
    }

    [Fact]
    public async Task An_unknown_customer_is_a_404_problem()
    {
        var (status, body, contentType) = await _client.GetJsonAsync("/api/customers/nobody-" + Guid.NewGuid().ToString("N"));

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal("id", (string?)body!["field"]);
    }
}
