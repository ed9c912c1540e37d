using System.Text.Json.Nodes;
using CustomerEngine.Host.Tests.Support;
using static CustomerEngine.Host.Tests.Support.Events;

namespace CustomerEngine.Host.Tests;

public sealed class OutOfOrderDeliveryTests(EngineFixture engine) : IClassFixture<EngineFixture>
{
    private readonly HttpClient _client = engine.Client;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Shuffled_delivery_in_small_batches_gives_the_same_customer_as_delivery_in_order(int seed)
    {
        var inOrder = $"ordered-{Guid.NewGuid():N}";
        var shuffled = $"shuffled-{Guid.NewGuid():N}";
        var history = History(inOrder);
        foreach (var e in history)
        {
            await _client.IngestAsync(e);
        }

        var random = new Random(seed);
        var copy = History(shuffled).OrderBy(_ => random.Next()).ToList();
        foreach (var batch in copy.Chunk(3))
        {
            await _client.IngestAsync(batch);
        }

        var expected = Normalise(await _client.CustomerAsync(inOrder), inOrder);
        var actual = Normalise(await _client.CustomerAsync(shuffled), shuffled);
        Assert.Equal(expected, actual);
    }

    // A year with gaps long enough for time-driven transitions between events.
    private static List<JsonObject> History(string id)
    {
        var t = new DateTimeOffset(2025, 2, 3, 10, 0, 0, TimeSpan.Zero);
        return
        [
            Registered(id, t, name: "Grace"),
            Entered(id, t.AddDays(1)),
            Purchase(id, t.AddDays(1).AddMinutes(10), price: 120m, brand: "A", orderId: "o1", eventId: $"{id}-p1"),
            Left(id, t.AddDays(1).AddMinutes(30)),
            Purchase(id, t.AddDays(20), price: 80m, discount: 30m, brand: "B", orderId: "o2", eventId: $"{id}-p2"),
            Feedback(id, t.AddDays(21), nps: 10, ces: 2),
            Purchase(id, t.AddDays(150), price: 60m, brand: "A", orderId: "o3", eventId: $"{id}-p3"),
            Event("complaint.opened", id, t.AddDays(151), new JsonObject { ["complaintId"] = "k1" }, channel: "callcenter"),
            Event("complaint.resolved", id, t.AddDays(152), new JsonObject { ["complaintId"] = "k1" }, channel: "callcenter"),
            Purchase(id, t.AddDays(400), price: 300m, brand: "C", orderId: "o4", eventId: $"{id}-p4"),
            Event("return", id, t.AddDays(401), new JsonObject { ["orderId"] = "o4", ["sku"] = "TENT-1", ["amount"] = 100m }, channel: "store", storeId: "S1"),
        ];
    }

    // Event ids are random per copy; everything else must match exactly. Suggestions are left
    // out: they are decisions taken when each batch arrived (which events triggered a recompute,
    // a Thompson draw, a fresh id), not part of the customer's folded state.
    private static string Normalise(JsonNode customer, string id)
    {
        customer.AsObject().Remove("suggestions");
        foreach (var r in customer["recent"]!.AsArray())
        {
            r!["eventId"] = "-";
        }

        return customer.ToJsonString().Replace(id, "ID", StringComparison.Ordinal);
    }
}
