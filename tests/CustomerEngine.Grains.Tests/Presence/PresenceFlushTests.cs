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
            await WaitUntilAsync(() => flaky.FailedPresenceWrites > 0, "a presence write failed");

            flaky.Failing = false;
            await WaitUntilAsync(() => flaky.PresenceWrites > 0, "the failed presence write was retried");
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

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited {Patience.TotalSeconds} s and still not: {what}.");
            await Task.Delay(20);
        }
    }
}
