using System.Text.Json.Nodes;
using CustomerEngine.Grains.CrossSell;
using CustomerEngine.Host.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerEngine.Host.Tests.CrossSell;

/// <summary>Purchase events with several lines, and the hand-computed outdoor-shop example.</summary>
public static class Baskets
{
    public static readonly DateTimeOffset Day = new(2025, 5, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Five baskets, counted by hand: N = 5; n(tent) = 4, n(mat) = 4, n(stove) = 2, n(lamp) = 2;
    /// n(tent,mat) = 3, n(tent,stove) = 2, n(mat,lamp) = 2, n(tent,lamp) = 1, n(mat,stove) = 1,
    /// n(stove,lamp) = 0. The second basket lists the mat on two lines: it still counts once.
    /// </summary>
    public static IReadOnlyList<(string Sku, string? Category, decimal Price)[]> OutdoorShop { get; } =
    [
        [("tent", "camping", 100m), ("mat", "sleeping", 20m), ("stove", "cooking", 40m)],
        [("tent", "camping", 120m), ("mat", "sleeping", 20m), ("mat", "sleeping", 20m)],
        [("tent", "camping", 100m), ("stove", "cooking", 40m)],
        [("mat", "sleeping", 20m), ("lamp", "camping", 15m)],
        [("tent", "camping", 120m), ("mat", "sleeping", 20m), ("lamp", "camping", 15m)],
    ];

    /// <summary>One purchase event per basket, each by its own customer, a minute apart.</summary>
    public static JsonObject[] Purchases(IEnumerable<(string Sku, string? Category, decimal Price)[]> baskets, string prefix) =>
        [.. baskets.Select((lines, i) => Purchase($"{prefix}-c{i}", Day.AddMinutes(i), lines, eventId: $"{prefix}-p{i}"))];

    public static JsonObject Purchase(string customerId, DateTimeOffset at, IEnumerable<(string Sku, string? Category, decimal Price)> lines, string? eventId = null)
    {
        var items = new JsonArray();
        var total = 0m;
        foreach (var (sku, category, price) in lines)
        {
            var item = new JsonObject { ["sku"] = sku, ["price"] = price, ["quantity"] = 1 };
            if (category is not null)
            {
                item["category"] = category;
            }

            items.Add(item);
            total += price;
        }

        var data = new JsonObject { ["orderId"] = $"o-{eventId ?? Guid.NewGuid().ToString("N")}", ["items"] = items, ["total"] = total };
        return Events.Event("purchase", customerId, at, data, storeId: "S1", channel: "store", eventId: eventId);
    }

    /// <summary>Waits until the model has been restored and has read the whole log as it was at start-up.</summary>
    public static async Task CrossSellCaughtUpAsync(this WebApplicationFactory<Program> factory)
    {
        _ = factory.Server;
        await factory.Services.GetRequiredService<CrossSellModelLifetime>().CaughtUp.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Posts events in requests of at most 1,000, insisting on 202 for each.</summary>
    public static async Task IngestAllAsync(this HttpClient client, IReadOnlyList<JsonObject> events)
    {
        foreach (var chunk in events.Chunk(1000))
        {
            await client.IngestAsync(chunk);
        }
    }
}
