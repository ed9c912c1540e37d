using CustomerEngine.Grains.Presence;
using static CustomerEngine.Grains.Tests.TestEvents;

namespace CustomerEngine.Grains.Tests.Presence;

public sealed class SightingReportTests
{
    private static readonly DateTimeOffset VisitStart = DateTimeOffset.UtcNow.AddMinutes(-30);

    [Fact]
    public async Task A_present_customers_last_seen_time_lags_their_latest_sighting_by_less_than_the_sighting_interval()
    {
        await using var engine = await EngineHost.StartAsync();

        await ApplyAsync(engine, Entered("shopper", VisitStart));
        await ApplyAsync(engine, Purchase("shopper", VisitStart.AddSeconds(3)));
        var soonAfter = await RecordAsync(engine, "shopper");
        await ApplyAsync(engine, Purchase("shopper", VisitStart.AddSeconds(15)));
        var later = await RecordAsync(engine, "shopper");

        Assert.Equal(VisitStart, soonAfter.LastSeenAt);
        Assert.True(soonAfter.Present);
        Assert.Equal(VisitStart.AddSeconds(15), later.LastSeenAt);
        engine.DeleteDatabase();
    }

    [Fact]
    public async Task With_a_zero_sighting_interval_every_sighting_moves_the_last_seen_time()
    {
        await using var engine = await EngineHost.StartAsync(settings: new Dictionary<string, string?> { ["Presence:SightingInterval"] = "00:00:00" });

        await ApplyAsync(engine, Entered("shopper", VisitStart));
        await ApplyAsync(engine, Purchase("shopper", VisitStart.AddSeconds(3)));

        Assert.Equal(VisitStart.AddSeconds(3), (await RecordAsync(engine, "shopper")).LastSeenAt);
        engine.DeleteDatabase();
    }

    [Fact]
    public async Task A_customer_who_left_and_walks_back_in_moments_later_is_present_again()
    {
        await using var engine = await EngineHost.StartAsync();

        await ApplyAsync(engine, Entered("shopper", VisitStart));
        await ApplyAsync(engine, Left("shopper", VisitStart.AddSeconds(2)));
        await ApplyAsync(engine, Purchase("shopper", VisitStart.AddSeconds(4)));
        var afterLeaving = await PresentAsync(engine);
        await ApplyAsync(engine, Entered("shopper", VisitStart.AddSeconds(6)));

        Assert.DoesNotContain("shopper", afterLeaving);
        Assert.Contains("shopper", await PresentAsync(engine));
        engine.DeleteDatabase();
    }

    [Fact]
    public async Task A_sighting_after_a_time_out_still_brings_the_customer_back()
    {
        await using var engine = await EngineHost.StartAsync();
        var now = DateTimeOffset.UtcNow;

        await ApplyAsync(engine, Entered("lingerer", now.AddHours(-3)));
        var timedOut = await PresentAsync(engine);
        await ApplyAsync(engine, Purchase("lingerer", now.AddSeconds(-1)));

        Assert.DoesNotContain("lingerer", timedOut);
        Assert.Contains("lingerer", await PresentAsync(engine));
        engine.DeleteDatabase();
    }

    private static async Task ApplyAsync(EngineHost engine, CustomerEngine.Domain.Events.CustomerEvent e)
    {
        await engine.AcceptAsync(e);
        await engine.DeliveredAsync();
    }

    private static async Task<CustomerPresenceRecord> RecordAsync(EngineHost engine, string customerId) =>
        await engine.Grains.GetGrain<IStorePresenceGrain>("S1").GetCustomerAsync(customerId)
        ?? throw new InvalidOperationException($"Store S1 holds no record of {customerId}.");

    private static async Task<IReadOnlyList<string>> PresentAsync(EngineHost engine) =>
        [.. (await engine.Grains.GetGrain<IStorePresenceGrain>("S1").GetPresentAsync()).Select(p => p.CustomerId)];
}
