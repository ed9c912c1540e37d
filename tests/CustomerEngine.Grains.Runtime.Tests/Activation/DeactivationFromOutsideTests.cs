using System.Text;
using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Grains.Runtime.Tests.Grains;
using CustomerEngine.Grains.Runtime.Tests.Support;

namespace CustomerEngine.Grains.Runtime.Tests.Activation;

/// <summary>What a host can rely on when it learns that a grain changed outside this runtime (another node).</summary>
public sealed class DeactivationFromOutsideTests
{
    private static GrainStateId CounterStateId(string key) => new(typeof(ICounterGrain).FullName!, key, CounterGrain.StateName);

    [Fact]
    public async Task A_grain_changed_elsewhere_is_deactivated_with_that_reason_and_its_next_call_reads_the_store()
    {
        await using var harness = GrainRuntimeHarness.Create();
        var grain = harness.Grains.GetGrain<ICounterGrain>("k");
        await grain.IncrementAsync();
        await grain.SaveAsync();
        await harness.Store.WriteAsync(CounterStateId("k"), Encoding.UTF8.GetBytes("""{"count":100}"""), expectedVersion: 1);

        Assert.True(await harness.Runtime.DeactivateIfActiveAsync<ICounterGrain>("k", DeactivationReason.ChangedElsewhere).WithTimeout());

        Assert.Equal(DeactivationReason.ChangedElsewhere, await harness.Lifecycle.WhenDeactivationFinishedAsync("k").WithTimeout());
        Assert.Equal(100, await grain.GetCountAsync());
    }

    [Fact]
    public async Task A_grain_with_no_activation_is_not_activated_to_be_deactivated()
    {
        await using var harness = GrainRuntimeHarness.Create();
        await harness.Grains.GetGrain<ICounterGrain>("other").IncrementAsync();

        Assert.False(await harness.Runtime.DeactivateIfActiveAsync<ICounterGrain>("k", DeactivationReason.ActivatedElsewhere).WithTimeout());

        Assert.Equal(1, harness.Runtime.ActivationCount);
        Assert.DoesNotContain(harness.Lifecycle.Events, e => e.StartsWith("activate k ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Asking_whether_a_grain_is_active_answers_for_this_runtime_and_activates_nothing()
    {
        await using var harness = GrainRuntimeHarness.Create();
        await harness.Grains.GetGrain<ICounterGrain>("served").IncrementAsync();

        Assert.True(harness.Runtime.IsActive<ICounterGrain>("served"));
        Assert.False(harness.Runtime.IsActive<ICounterGrain>("elsewhere"));
        Assert.Equal(1, harness.Runtime.ActivationCount);

        await harness.Runtime.DeactivateIfActiveAsync<ICounterGrain>("served", DeactivationReason.ActivatedElsewhere).WithTimeout();

        Assert.False(harness.Runtime.IsActive<ICounterGrain>("served"));
        Assert.Equal(0, harness.Runtime.ActivationCount);
    }
}
