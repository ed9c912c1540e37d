using CustomerEngine.Grains.Runtime.Tests.Grains;
using CustomerEngine.Grains.Runtime.Tests.Support;

namespace CustomerEngine.Grains.Runtime.Tests.Concurrency;

public sealed class TurnTests
{
    [Fact]
    public async Task Many_concurrent_callers_on_one_key_never_interleave()
    {
        await using var harness = GrainRuntimeHarness.Create();
        var probe = harness.Get<TurnProbe>();
        const int callers = 50;
        const int callsPerCaller = 100;

        var callerTasks = Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            var grain = harness.Grains.GetGrain<ISequentialGrain>("hot-key");
            for (var call = 0; call < callsPerCaller; call++)
            {
                await grain.IncrementAcrossAwaitsAsync();
            }
        }));
        await Task.WhenAll(callerTasks).WithTimeout();

        Assert.Equal(1, probe.MaxConcurrentCalls);
        Assert.Equal(callers * callsPerCaller, await harness.Grains.GetGrain<ISequentialGrain>("hot-key").PeekCountAsync());
    }

    [Fact]
    public async Task A_turn_lasts_across_awaits_and_queued_calls_run_in_arrival_order()
    {
        await using var harness = GrainRuntimeHarness.Create();
        var probe = harness.Get<TurnProbe>();
        var grain = harness.Grains.GetGrain<ISequentialGrain>("k");
        var hold = grain.HoldAsync();
        await probe.HoldStarted.Task.WithTimeout();

        var queued = Enumerable.Range(0, 20).Select(grain.AppendAsync).ToList();

        Assert.All(queued, call => Assert.False(call.IsCompleted));
        probe.ReleaseHold.SetResult();
        await Task.WhenAll(queued.Append(hold)).WithTimeout();
        Assert.Equal(Enumerable.Range(0, 20), await grain.GetAppendedAsync());
        Assert.Equal(1, probe.MaxConcurrentCalls);
    }

    [Fact]
    public async Task A_call_to_an_idle_grain_runs_the_grain_code_off_the_callers_stack()
    {
        await using var harness = GrainRuntimeHarness.Create();
        var grain = harness.Grains.GetGrain<ISequentialGrain>("k");
        await grain.AppendAsync(0);

        Task<bool> call;
        CallerStack.Inside = true;
        try
        {
            call = grain.RanOnCallersStackAsync();
        }
        finally
        {
            CallerStack.Inside = false;
        }

        Assert.False(await call.WithTimeout());
    }

    [Fact]
    public async Task Interleaved_method_runs_while_a_long_turn_is_in_progress()
    {
        await using var harness = GrainRuntimeHarness.Create();
        var probe = harness.Get<TurnProbe>();
        var grain = harness.Grains.GetGrain<ISequentialGrain>("k");
        await grain.IncrementAcrossAwaitsAsync();
        var hold = grain.HoldAsync();
        await probe.HoldStarted.Task.WithTimeout();

        var peeked = await grain.PeekCountAsync().WithTimeout();

        Assert.Equal(1, peeked);
        Assert.False(hold.IsCompleted);
        probe.ReleaseHold.SetResult();
        await hold.WithTimeout();
    }

    [Fact]
    public async Task Interleaved_call_in_progress_does_not_block_the_turn()
    {
        await using var harness = GrainRuntimeHarness.Create();
        var probe = harness.Get<TurnProbe>();
        var grain = harness.Grains.GetGrain<ISequentialGrain>("k");
        await grain.AppendAsync(1);
        var interleaved = grain.HoldInterleavedAsync();
        await probe.InterleavedHoldStarted.Task.WithTimeout();

        await grain.AppendAsync(2).WithTimeout();

        Assert.Equal([1, 2], await grain.GetAppendedAsync());
        Assert.False(interleaved.IsCompleted);
        probe.ReleaseInterleavedHold.SetResult();
        await interleaved.WithTimeout();
    }

    [Fact]
    public async Task Interleaved_call_as_first_call_activates_the_grain()
    {
        await using var harness = GrainRuntimeHarness.Create();

        var peeked = await harness.Grains.GetGrain<ISequentialGrain>("k").PeekCountAsync().WithTimeout();

        Assert.Equal(0, peeked);
        Assert.Equal(1, harness.Runtime.ActivationCount);
    }
}
