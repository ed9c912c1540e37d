using CustomerEngine.Grains.Customers;
using Microsoft.Extensions.DependencyInjection;
using static CustomerEngine.Grains.Tests.TestEvents;

namespace CustomerEngine.Grains.Tests;

public sealed class EventDeliveryTests
{
    private static readonly DateTimeOffset Day = DateTimeOffset.UtcNow.AddDays(-30);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_batch_is_answered_once_durable_while_its_customer_is_still_busy_and_a_later_read_sees_it()
    {
        await using var engine = await StartHeldAsync();
        var held = engine.Services.GetRequiredService<HeldApplies>();

        var result = await engine.AcceptAsync(Purchase("d1", Day)).WaitAsync(Patience);
        var stored = await engine.Store.ReadStreamsAsync(["d1"], 0);
        var read = engine.Grains.GetGrain<ICustomerGrain>("d1").GetViewAsync();
        await Task.Delay(100);
        var readBeforeRelease = read.IsCompleted;
        held.Release();
        var view = await read.WaitAsync(Patience);

        Assert.Equal(1, result.Accepted);
        Assert.Single(stored);
        Assert.False(readBeforeRelease);
        Assert.Equal(1, view!.Stats.Purchases);
        engine.DeleteDatabase();
    }

    [Fact]
    public async Task With_wait_for_grains_set_the_answer_comes_only_after_the_customer_has_applied_the_batch()
    {
        await using var engine = await StartHeldAsync(("Customers:Delivery:WaitForGrains", "true"));
        var held = engine.Services.GetRequiredService<HeldApplies>();

        var answer = engine.AcceptAsync(Purchase("d2", Day));
        await Task.Delay(200);
        var answeredWhileHeld = answer.IsCompleted;
        held.Release();
        await answer.WaitAsync(Patience);

        Assert.False(answeredWhileHeld);
        Assert.Equal(1, held.Applied);
        engine.DeleteDatabase();
    }

    [Fact]
    public async Task Past_the_queued_event_bound_a_batch_waits_for_its_own_customers_before_it_is_answered()
    {
        await using var engine = await StartHeldAsync(("Customers:Delivery:MaxQueuedEvents", "1"));
        var held = engine.Services.GetRequiredService<HeldApplies>();

        await engine.AcceptAsync(Purchase("d3", Day)).WaitAsync(Patience);
        var second = engine.AcceptAsync(Purchase("d4", Day));
        await Task.Delay(200);
        var answeredWhileHeld = second.IsCompleted;
        held.Release();
        await second.WaitAsync(Patience);

        Assert.False(answeredWhileHeld);
        Assert.Contains("d4", held.AppliedTo);
        engine.DeleteDatabase();
    }

    [Fact]
    public async Task Stopping_the_engine_waits_until_every_acknowledged_batch_is_applied()
    {
        var engine = await StartHeldAsync();
        var held = engine.Services.GetRequiredService<HeldApplies>();
        await engine.AcceptAsync(Purchase("d5", Day), Purchase("d6", Day)).WaitAsync(Patience);

        var stopping = engine.StopAsync();
        await Task.Delay(200);
        var stoppedWhileHeld = stopping.IsCompleted;
        held.Release();
        await stopping.WaitAsync(Patience);
        await engine.DisposeAsync();

        Assert.False(stoppedWhileHeld);
        Assert.Equal(2, held.Applied);
        engine.DeleteDatabase();
    }

    private static Task<EngineHost> StartHeldAsync(params (string Key, string Value)[] settings) =>
        EngineHost.StartAsync(
            settings: settings.ToDictionary(s => s.Key, s => (string?)s.Value),
            runtime: grains =>
            {
                grains.Services.AddSingleton<HeldApplies>();
                grains.AddCallFilter<HeldApplyFilter>();
            });
}
