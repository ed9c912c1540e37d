using CustomerEngine.Grains.Runtime.Tests.Grains;
using CustomerEngine.Grains.Runtime.Tests.Support;

namespace CustomerEngine.Grains.Runtime.Tests.Filters;

public sealed class CallFilterTests
{
    [Fact]
    public async Task Filters_run_in_registration_order_around_the_grain_and_see_method_arguments_and_result()
    {
        await using var harness = GrainRuntimeHarness.Create(runtime: builder => builder
            .AddCallFilter<OuterRecordingFilter>()
            .AddCallFilter<InnerRecordingFilter>());

        var product = await harness.Grains.GetGrain<IFilteredGrain>("k").MultiplyAsync(3, 4);

        Assert.Equal(12, product);
        Assert.Equal(
            [
                "outer before MultiplyAsync(3,4) key=k grain=FilteredGrain",
                "inner before MultiplyAsync",
                "grain 3*4",
                "inner after result=12",
                "outer after result=12",
            ],
            harness.Get<FilterLog>().Entries);
    }

    [Fact]
    public async Task Filter_can_short_circuit_a_call_with_its_own_result()
    {
        await using var harness = GrainRuntimeHarness.Create(runtime: builder => builder.AddCallFilter<ShortCircuitFilter>());
        var grain = harness.Grains.GetGrain<IFilteredGrain>("k");

        var answer = await grain.MultiplyAsync(0, 5);

        Assert.Equal(ShortCircuitFilter.Answer, answer);
        Assert.Equal(0, await grain.GetInvocationCountAsync());
        Assert.Equal(10, await grain.MultiplyAsync(2, 5));
    }

    [Fact]
    public async Task Filter_observes_the_grains_exception_which_still_reaches_the_caller()
    {
        await using var harness = GrainRuntimeHarness.Create(runtime: builder => builder.AddCallFilter<OuterRecordingFilter>());

        await Assert.ThrowsAsync<GrainTestException>(() => harness.Grains.GetGrain<IFilteredGrain>("k").FailAsync());

        Assert.Contains($"outer saw {nameof(GrainTestException)}", harness.Get<FilterLog>().Entries);
    }
}
