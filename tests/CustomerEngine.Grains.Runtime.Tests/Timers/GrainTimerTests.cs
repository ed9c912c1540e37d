using CustomerEngine.Grains.Runtime.Tests.Grains;
using CustomerEngine.Grains.Runtime.Tests.Support;

namespace CustomerEngine.Grains.Runtime.Tests.Timers;

public sealed class GrainTimerTests
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Next_tick_is_scheduled_a_period_after_the_slow_callback_completes_so_ticks_never_overlap()
    {
        await using var harness = GrainRuntimeHarness.Create();
        var probe = harness.Get<TimerProbe>();
        var grain = harness.Grains.GetGrain<ITimerGrain>("k");
        await grain.StartTimerAsync(Period, Period);

        harness.Clock.Advance(Period);
        var firstStart = await probe.TickStarted.Reader.ReadAsync().AsTask().WithTimeout();

        // The callback is still running, so no further tick may be due however much time passes.
        harness.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(0, harness.Clock.ArmedTimerCount);

        var rearmed = harness.Clock.WhenTimerArmedAsync();
        probe.AllowTicksToFinish(1);
        var firstFinish = await probe.TickFinished.Reader.ReadAsync().AsTask().WithTimeout();
        await rearmed.WithTimeout();
        harness.Clock.Advance(Period);
        var secondStart = await probe.TickStarted.Reader.ReadAsync().AsTask().WithTimeout();

        Assert.Equal(firstStart + TimeSpan.FromSeconds(10), firstFinish);
        Assert.Equal(firstFinish + Period, secondStart);
        probe.AllowTicksToFinish(1);
        await probe.TickFinished.Reader.ReadAsync().AsTask().WithTimeout();
        Assert.Equal(1, probe.MaxConcurrentTicks);
    }

    [Fact]
    public async Task Timer_tick_runs_as_a_turn_so_calls_wait_for_it()
    {
        await using var harness = GrainRuntimeHarness.Create();
        var probe = harness.Get<TimerProbe>();
        var grain = harness.Grains.GetGrain<ITimerGrain>("k");
        await grain.StartTimerAsync(Period, Timeout.InfiniteTimeSpan);
        harness.Clock.Advance(Period);
        await probe.TickStarted.Reader.ReadAsync().AsTask().WithTimeout();

        var call = grain.GetCompletedTicksAsync();

        Assert.False(call.IsCompleted);
        probe.AllowTicksToFinish(1);
        Assert.Equal(1, await call.WithTimeout());
    }

    [Fact]
    public async Task Timers_are_disposed_when_the_activation_is_deactivated()
    {
        await using var harness = GrainRuntimeHarness.Create();
        var grain = harness.Grains.GetGrain<ITimerGrain>("k");
        await grain.StartTimerAsync(TimeSpan.FromMinutes(1), Period);
        Assert.Equal(1, harness.Clock.ArmedTimerCount);

        await grain.DeactivateAfterThisCallAsync();
        await harness.Lifecycle.WhenDeactivationStartedAsync("k").WithTimeout();

        Assert.Equal(0, harness.Clock.ArmedTimerCount);
    }
}
