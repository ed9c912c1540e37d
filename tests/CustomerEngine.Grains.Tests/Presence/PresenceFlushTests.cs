using CustomerEngine.Grains.Presence;
using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static CustomerEngine.Grains.Tests.TestEvents;

namespace CustomerEngine.Grains.Tests.Presence;

public sealed class PresenceFlushTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_presence_write_that_failed_is_retried_so_the_store_keeps_who_is_in_it_across_a_restart()
    {
        var settings = new Dictionary<string, string?> { ["Presence:FlushInterval"] = "00:00:00.200" };
        var engine = await EngineHost.StartAsync(settings: settings, runtime: grains => grains.Services.Replace(
            ServiceDescriptor.Singleton<IGrainStateStore>(sp => new FlakyPresenceStateStore(sp.GetRequiredService<SqliteEngineStore>()))));
        var path = engine.DatabasePath;
        try
        {
            var flaky = (FlakyPresenceStateStore)engine.Services.GetRequiredService<IGrainStateStore>();
            flaky.Failing = true;
            await engine.AcceptAsync(Entered("walk-in", DateTimeOffset.UtcNow.AddMinutes(-1), storeId: "S9"));
            await engine.DeliveredAsync();
            await Eventually.HoldsAsync(() => flaky.FailedPresenceWrites > 0, "a presence write failed", Patience);

            flaky.Failing = false;
            await Eventually.HoldsAsync(() => flaky.PresenceWrites > 0, "the failed presence write was retried", Patience);
        }
        finally
        {
            await engine.DisposeAsync();
        }

        await using var restarted = await EngineHost.StartAsync(path);
        var present = await restarted.Grains.GetGrain<IStorePresenceGrain>("S9").GetPresentAsync();

        Assert.Equal(["walk-in"], present.Select(p => p.CustomerId));
        restarted.DeleteDatabase();
    }

    [Fact]
    public async Task A_store_forgets_who_left_long_enough_ago_and_a_late_entry_from_before_the_leave_does_not_bring_them_back()
    {
        var settings = new Dictionary<string, string?> { ["Presence:FlushInterval"] = "00:00:00.100" };
        var now = DateTimeOffset.UtcNow;
        var engine = await EngineHost.StartAsync(settings: settings);
        var path = engine.DatabasePath;
        var store = engine.Grains.GetGrain<IStorePresenceGrain>("S7");
        try
        {
            await engine.AcceptAsync(Entered("left-earlier", now.AddMinutes(-40), storeId: "S7"));
            await engine.AcceptAsync(Left("left-earlier", now.AddMinutes(-30), storeId: "S7"));
            await engine.AcceptAsync(Entered("left-just-now", now.AddMinutes(-8), storeId: "S7"));
            await engine.AcceptAsync(Left("left-just-now", now.AddMinutes(-2), storeId: "S7"));
            await engine.AcceptAsync(Entered("browsing", now.AddMinutes(-5), storeId: "S7"));
            await engine.DeliveredAsync();
            await Eventually.HoldsAsync(async () => await store.GetCustomerAsync("left-earlier") is null, "the store forgot the customer who left 30 minutes ago", Patience);

            await engine.AcceptAsync(Entered("left-earlier", now.AddMinutes(-35), storeId: "S7"));
            await engine.DeliveredAsync();

            Assert.Equal(["browsing"], (await store.GetPresentAsync()).Select(p => p.CustomerId));
            Assert.False((await store.GetCustomerAsync("left-just-now"))!.Present);
        }
        finally
        {
            await engine.DisposeAsync();
        }

        await using var restarted = await EngineHost.StartAsync(path);
        var reread = restarted.Grains.GetGrain<IStorePresenceGrain>("S7");

        Assert.Equal(["browsing"], (await reread.GetPresentAsync()).Select(p => p.CustomerId));
        Assert.Null(await reread.GetCustomerAsync("left-earlier"));
        restarted.DeleteDatabase();
    }
}
