using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerEngine.Domain.Events;
using CustomerEngine.Simulation.Shoppers;

namespace CustomerEngine.Simulation.Tests;

public sealed class RetailSimulatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_same_seed_gives_the_same_shoppers_and_events()
    {
        static string Run() => string.Join('\n', Sample(new RetailSimulator(3, 200, 4)).Select(e => e.ToJsonString()));

        Assert.Equal(Run(), Run());
        Assert.NotEqual(Run(), string.Join('\n', Sample(new RetailSimulator(4, 200, 4)).Select(e => e.ToJsonString())));
    }

    [Fact]
    public void Every_event_is_one_the_public_api_accepts()
    {
        var events = Sample(new RetailSimulator(1, 300, 3));

        var rejected = events
            .Select(e => (Event: e, Result: CustomerEventReader.Read(JsonDocument.Parse(e.ToJsonString()).RootElement, Now.AddMinutes(5), new EventReadOptions())))
            .Where(r => r.Result.Event is null)
            .Select(r => $"{r.Event["type"]}: {r.Result.Field} {r.Result.Error}")
            .ToList();

        Assert.Empty(rejected);
        Assert.Equal(events.Count, events.Select(e => (string?)e["eventId"]).Distinct().Count());
    }

    [Fact]
    public void The_history_shapes_customers_for_every_lifecycle_stage()
    {
        var simulator = new RetailSimulator(5, 1_000, 5);

        var profiles = simulator.Shoppers.GroupBy(s => s.Profile).ToDictionary(g => g.Key, g => g.Count());
        var history = simulator.History(Now).ToList();
        var purchasesOfProspects = history.Count(e => (string?)e["type"] == "purchase"
            && simulator.Shoppers.First(s => s.CustomerId == (string?)e["customerId"]).Profile == ShopperProfile.Prospect);
        var gone = simulator.Shoppers.First(s => s.Profile == ShopperProfile.Gone);
        var lastPurchaseOfGone = history.Where(e => (string?)e["customerId"] == gone.CustomerId && (string?)e["type"] == "purchase")
            .Max(e => DateTimeOffset.Parse((string)e["occurredAt"]!, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(Enum.GetValues<ShopperProfile>().Length, profiles.Count);
        Assert.Equal(0, purchasesOfProspects);
        Assert.True(Now - lastPurchaseOfGone > TimeSpan.FromDays(180), "a gone customer's last purchase is over 180 days old");
        Assert.Contains(simulator.Shoppers, s => s.Kind == "organization");
    }

    [Fact]
    public void Baskets_have_structure_companions_are_bought_together()
    {
        var simulator = new RetailSimulator(9, 2_000, 5);
        var baskets = simulator.History(Now)
            .Where(e => (string?)e["type"] == "purchase")
            .Select(e => e["data"]!["items"]!.AsArray().Select(i => (string)i!["category"]!).ToHashSet())
            .ToList();

        var withStoves = baskets.Where(b => b.Contains("stoves")).ToList();
        var gasGivenStove = withStoves.Count(b => b.Contains("gas")) / (double)withStoves.Count;
        var gasOverall = baskets.Count(b => b.Contains("gas")) / (double)baskets.Count;

        Assert.True(withStoves.Count > 50, $"only {withStoves.Count} baskets with stoves");
        Assert.True(gasGivenStove > 3 * gasOverall, $"P(gas | stove) {gasGivenStove:F2} is not well above P(gas) {gasOverall:F2}");
    }

    [Fact]
    public void Live_visits_enter_before_they_leave_and_stay_in_one_store()
    {
        var simulator = new RetailSimulator(2, 100, 3);
        var live = Enumerable.Range(0, 50).SelectMany(i => simulator.Next(20, Now.AddSeconds(i))).ToList();

        var openVisits = new Dictionary<string, string>();
        foreach (var e in live)
        {
            var customer = (string)e["customerId"]!;
            switch ((string?)e["type"])
            {
                case "store.entered":
                    Assert.False(openVisits.ContainsKey(customer), $"{customer} entered twice without leaving");
                    openVisits[customer] = (string)e["storeId"]!;
                    break;
                case "store.left":
                    Assert.Equal(openVisits[customer], (string?)e["storeId"]);
                    openVisits.Remove(customer);
                    break;
                default:
                    Assert.True(openVisits.TryGetValue(customer, out var store), $"{e["type"]} of {customer} outside a visit");
                    Assert.Equal(store, (string?)e["storeId"]);
                    break;
            }
        }

        Assert.Contains(live, e => (string?)e["type"] == "purchase");
        Assert.Contains(live, e => (string?)e["type"] == "store.left");
    }

    private static List<JsonObject> Sample(RetailSimulator simulator) =>
        [.. simulator.History(Now), .. Enumerable.Range(0, 20).SelectMany(i => simulator.Next(25, Now.AddSeconds(i)))];
}
