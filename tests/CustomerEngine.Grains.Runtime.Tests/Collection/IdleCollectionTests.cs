using System.Text;
using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Grains.Runtime.Tests.Grains;
using CustomerEngine.Grains.Runtime.Tests.Support;

namespace CustomerEngine.Grains.Runtime.Tests.Collection;

public sealed class IdleCollectionTests
{
    private static readonly TimeSpan Age = TimeSpan.FromMinutes(10);

    private static GrainRuntimeHarness CreateHarness() => GrainRuntimeHarness.Create(options =>
    {
        options.CollectionAge = Age;
        options.CollectionQuantum = TimeSpan.FromMinutes(1);
    });

    [Fact]
    public async Task Idle_activation_is_deactivated_after_the_collection_age_and_the_next_call_reactivates_with_stored_state()
    {
        await using var harness = CreateHarness();
        await harness.Runtime.StartAsync(CancellationToken.None);
        var grain = harness.Grains.GetGrain<ICounterGrain>("k");
        await grain.IncrementAsync();
        await grain.SaveAsync();
        var firstActivation = await grain.GetActivationIdAsync();
        await harness.Store.WriteAsync(
            new GrainStateId(typeof(ICounterGrain).FullName!, "k", CounterGrain.StateName),
            Encoding.UTF8.GetBytes("""{"count":50}"""),
            expectedVersion: 1);

        harness.Clock.Advance(Age + TimeSpan.FromMinutes(1));

        Assert.Equal(DeactivationReason.IdleCollected, await harness.Lifecycle.WhenDeactivationFinishedAsync("k").WithTimeout());
        Assert.Equal(50, await grain.GetCountAsync());
        Assert.NotEqual(firstActivation, await grain.GetActivationIdAsync());
        Assert.Equal(["activate k count=0", "deactivate k IdleCollected", "activate k count=50"], harness.Lifecycle.Events);
    }

    [Fact]
    public async Task Activation_used_within_the_collection_age_is_kept()
    {
        await using var harness = CreateHarness();
        var grain = harness.Grains.GetGrain<ICounterGrain>("k");
        var activation = await grain.GetActivationIdAsync();
        harness.Clock.Advance(Age - TimeSpan.FromMinutes(1));
        await grain.IncrementAsync();
        harness.Clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(0, await harness.Runtime.IdleCollector.CollectAsync());
        Assert.Equal(activation, await grain.GetActivationIdAsync());

        harness.Clock.Advance(Age);
        Assert.Equal(1, await harness.Runtime.IdleCollector.CollectAsync());
        Assert.Equal(0, harness.Runtime.ActivationCount);
    }

    [Fact]
    public async Task Activation_with_a_call_in_progress_is_not_collected()
    {
        await using var harness = CreateHarness();
        var probe = harness.Get<TurnProbe>();
        var grain = harness.Grains.GetGrain<ISequentialGrain>("k");
        var hold = grain.HoldAsync();
        await probe.HoldStarted.Task.WithTimeout();
        harness.Clock.Advance(Age + Age);

        Assert.Equal(0, await harness.Runtime.IdleCollector.CollectAsync());

        probe.ReleaseHold.SetResult();
        await hold.WithTimeout();
        Assert.Equal(1, harness.Runtime.ActivationCount);
    }

    [Fact]
    public async Task Call_racing_with_collection_is_served_by_a_fresh_activation()
    {
        await using var harness = CreateHarness();
        var grain = harness.Grains.GetGrain<ICounterGrain>("k");
        var firstActivation = await grain.GetActivationIdAsync();
        harness.Lifecycle.DeactivationGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Clock.Advance(Age);
        var collection = harness.Runtime.IdleCollector.CollectAsync();
        await harness.Lifecycle.WhenDeactivationStartedAsync("k").WithTimeout();

        var racingCall = grain.GetActivationIdAsync();

        Assert.False(racingCall.IsCompleted);
        harness.Lifecycle.DeactivationGate.SetResult();
        Assert.Equal(1, await collection.WithTimeout());
        Assert.NotEqual(firstActivation, await racingCall.WithTimeout());
        Assert.Equal(["activate k count=0", "deactivate k IdleCollected", "activate k count=0"], harness.Lifecycle.Events);
        Assert.Equal(1, harness.Runtime.ActivationCount);
    }

    [Fact]
    public async Task DeactivateOnIdle_deactivates_after_the_current_turn_and_the_next_call_gets_a_fresh_activation()
    {
        await using var harness = CreateHarness();
        var grain = harness.Grains.GetGrain<ICounterGrain>("k");
        var firstActivation = await grain.GetActivationIdAsync();

        await grain.DeactivateAfterThisCallAsync();

        Assert.Equal(DeactivationReason.RequestedByGrain, await harness.Lifecycle.WhenDeactivationFinishedAsync("k").WithTimeout());
        Assert.NotEqual(firstActivation, await grain.GetActivationIdAsync());
    }
}
