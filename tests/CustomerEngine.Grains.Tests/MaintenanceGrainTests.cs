using CustomerEngine.Grains.Maintenance;
using CustomerEngine.Grains.Presence;
using CustomerEngine.Storage.Customers;
using static CustomerEngine.Grains.Tests.TestEvents;

namespace CustomerEngine.Grains.Tests;

public sealed class MaintenanceGrainTests
{
    [Fact]
    public async Task Value_ranking_puts_a_fifth_of_the_base_in_high_and_three_tenths_in_low()
    {
        await using var engine = await EngineHost.StartAsync();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 100; i++)
        {
            // Spend and frequency grow with i, so the ranking has a clear order.
            var events = Enumerable.Range(0, 1 + (i / 10)).Select(k => Purchase($"v{i:D3}", now.AddDays(-90 + i / 2 + k), price: 10m + i)).ToArray();
            await engine.AcceptAsync(events);
        }

        var ranked = await engine.Grains.GetGrain<IEngineMaintenanceGrain>(IEngineMaintenanceGrain.Key).RankValueAsync();
        var high = await engine.Store.QueryAsync(new CustomerQuery(null, "high", null, null, 1, 500));
        var low = await engine.Store.QueryAsync(new CustomerQuery(null, "low", null, null, 1, 500));

        Assert.Equal(100, ranked);
        Assert.Equal(20, high.Total);
        Assert.Equal(30, low.Total);
        Assert.Contains(high.Items, c => c.CustomerId == "v099");
        Assert.Contains(low.Items, c => c.CustomerId == "v000");
        engine.DeleteDatabase();
    }

    [Fact]
    public async Task Store_presence_survives_a_restart()
    {
        string path;
        var now = DateTimeOffset.UtcNow;
        await using (var first = await EngineHost.StartAsync())
        {
            path = first.DatabasePath;
            await first.AcceptAsync(Entered("p1", now.AddMinutes(-5), "S9"), Entered("p2", now.AddMinutes(-4), "S9"));
        }

        await using var second = await EngineHost.StartAsync(path);
        var present = await second.Grains.GetGrain<IStorePresenceGrain>("S9").GetPresentAsync();

        Assert.Equal(["p1", "p2"], present.Select(p => p.CustomerId).Order());
        second.DeleteDatabase();
    }
}
