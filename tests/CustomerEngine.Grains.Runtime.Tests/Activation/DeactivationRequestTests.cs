using System.Text;
using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Grains.Runtime.Tests.Grains;
using CustomerEngine.Grains.Runtime.Tests.Support;

namespace CustomerEngine.Grains.Runtime.Tests.Activation;

/// <summary>
/// What a grain that drops its activation (DeactivateOnIdle) can rely on, e.g. after its stored
/// data was erased: nothing queued behind it sees its memory again.
/// </summary>
public sealed class DeactivationRequestTests
{
    [Fact]
    public async Task Calls_queued_behind_a_turn_that_deactivates_reach_a_fresh_activation_reading_the_stored_state()
    {
        await using var harness = GrainRuntimeHarness.Create();
        var grain = harness.Grains.GetGrain<ICounterGrain>("k");
        await grain.IncrementAsync();
        await grain.IncrementAsync();
        harness.Lifecycle.DeactivationGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await grain.DeactivateAfterThisCallAsync();
        await harness.Lifecycle.WhenDeactivationStartedAsync("k").WithTimeout();
        var queued = grain.GetCountAsync();
        await harness.Store.WriteAsync(new GrainStateId(typeof(ICounterGrain).FullName!, "k", CounterGrain.StateName), Encoding.UTF8.GetBytes("""{"count":7}"""), expectedVersion: 0);

        Assert.False(queued.IsCompleted, "a call ran in an activation that was being deactivated");
        harness.Lifecycle.DeactivationGate.SetResult();
        Assert.Equal(7, await queued.WithTimeout());
        Assert.Equal(["activate k count=0", "deactivate k RequestedByGrain", "activate k count=7"], harness.Lifecycle.Events);
    }
}
