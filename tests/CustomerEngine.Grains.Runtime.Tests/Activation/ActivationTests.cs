using CustomerEngine.Grains.Runtime.Tests.Grains;
using CustomerEngine.Grains.Runtime.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerEngine.Grains.Runtime.Tests.Activation;

public sealed class ActivationTests
{
    [Fact]
    public async Task Getting_a_reference_does_not_activate_the_grain_but_the_first_call_does()
    {
        await using var harness = GrainRuntimeHarness.Create();
        var grain = harness.Grains.GetGrain<ICounterGrain>("customer-1");

        Assert.Equal(0, harness.Runtime.ActivationCount);

        await grain.IncrementAsync();

        Assert.Equal(1, harness.Runtime.ActivationCount);
        Assert.Equal(["activate customer-1 count=0"], harness.Lifecycle.Events);
    }

    [Fact]
    public async Task Calls_with_the_same_key_reach_the_same_instance_through_any_reference()
    {
        await using var harness = GrainRuntimeHarness.Create();
        var first = harness.Grains.GetGrain<ICounterGrain>("customer-1");
        var second = harness.Grains.GetGrain<ICounterGrain>("customer-1");

        var firstId = await first.GetActivationIdAsync();
        await first.IncrementAsync();
        var countSeenBySecond = await second.IncrementAsync();

        Assert.Equal(firstId, await second.GetActivationIdAsync());
        Assert.Equal(2, countSeenBySecond);
        Assert.Equal(1, harness.Runtime.ActivationCount);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Different_keys_get_different_activations()
    {
        await using var harness = GrainRuntimeHarness.Create();
        var a = harness.Grains.GetGrain<ICounterGrain>("a");
        var b = harness.Grains.GetGrain<ICounterGrain>("b");

        await a.IncrementAsync();
        await a.IncrementAsync();
        var countOfB = await b.IncrementAsync();

        Assert.Equal(1, countOfB);
        Assert.NotEqual(await a.GetActivationIdAsync(), await b.GetActivationIdAsync());
        Assert.Equal(2, harness.Runtime.ActivationCount);
    }

    [Fact]
    public async Task Grain_key_is_available_in_the_grain_constructor()
    {
        await using var harness = GrainRuntimeHarness.Create();

        var key = await harness.Grains.GetGrain<ICounterGrain>("customer-42").GetKeySeenInConstructorAsync();

        Assert.Equal("customer-42", key);
    }

    [Fact]
    public async Task Exception_from_grain_reaches_the_caller_unchanged_and_the_activation_stays_usable()
    {
        await using var harness = GrainRuntimeHarness.Create();
        var grain = harness.Grains.GetGrain<ICounterGrain>("k");
        await grain.IncrementAsync();
        var activationId = await grain.GetActivationIdAsync();

        var exception = await Assert.ThrowsAsync<GrainTestException>(() => grain.FailAsync("boom"));

        Assert.Equal("boom", exception.Message);
        Assert.Equal(2, await grain.IncrementAsync());
        Assert.Equal(activationId, await grain.GetActivationIdAsync());
    }

    [Fact]
    public async Task Exception_thrown_before_the_grain_returns_a_task_surfaces_through_the_task()
    {
        await using var harness = GrainRuntimeHarness.Create();
        var grain = harness.Grains.GetGrain<ICounterGrain>("k");
        await grain.IncrementAsync();

        var call = grain.FailBeforeReturningTaskAsync("early");

        var exception = await Assert.ThrowsAsync<GrainTestException>(() => call);
        Assert.Equal("early", exception.Message);
        Assert.Equal(2, await grain.IncrementAsync());
    }

    [Fact]
    public async Task Failed_activation_fails_the_call_and_the_next_call_activates_afresh()
    {
        await using var harness = GrainRuntimeHarness.Create();
        harness.Lifecycle.RemainingActivationFailures = 1;
        var grain = harness.Grains.GetGrain<IFlakyActivationGrain>("k");

        await Assert.ThrowsAsync<GrainTestException>(() => grain.PingAsync());
        Assert.Equal(0, harness.Runtime.ActivationCount);

        Assert.Equal("pong", await grain.PingAsync());
        Assert.Equal(1, harness.Runtime.ActivationCount);
    }

    [Fact]
    public async Task ValueTask_methods_are_supported()
    {
        await using var harness = GrainRuntimeHarness.Create();
        var grain = harness.Grains.GetGrain<ICounterGrain>("k");
        await grain.IncrementAsync();

        await grain.SaveAsValueTaskAsync();

        Assert.Equal(1, await grain.GetCountAsValueTaskAsync());
        Assert.Equal(1, await grain.GetVersionAsync());
    }

    [Fact]
    public async Task Getting_an_unregistered_grain_interface_throws()
    {
        await using var harness = GrainRuntimeHarness.Create();

        var exception = Assert.Throws<InvalidOperationException>(() => harness.Grains.GetGrain<IUnregisteredGrain>("k"));

        Assert.Contains(nameof(IUnregisteredGrain), exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Grain_interface_with_a_method_not_returning_a_task_is_rejected_at_registration()
    {
        var builder = new ServiceCollection().AddGrainRuntime();

        var exception = Assert.Throws<ArgumentException>(() => builder.AddGrain<ISynchronousMethodGrain, SynchronousMethodGrain>());

        Assert.Contains(nameof(ISynchronousMethodGrain.GetValue), exception.Message, StringComparison.Ordinal);
    }
}
