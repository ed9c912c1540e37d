using System.Collections.Concurrent;
using System.Diagnostics;
using CustomerEngine.Grains.Runtime.Tests.Grains;
using CustomerEngine.Grains.Runtime.Tests.Support;

namespace CustomerEngine.Grains.Runtime.Tests.Telemetry;

public sealed class CallTracingTests
{
    [Fact]
    public async Task Each_call_produces_an_internal_activity_named_interface_slash_method_without_the_key()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = ListenTo(stopped);
        await using var harness = GrainRuntimeHarness.Create();
        using var parent = new Activity("request").Start();

        await harness.Grains.GetGrain<ITracedGrain>("customer-123").AddAsync(1, 2);
        await harness.Grains.GetGrain<ITracedGrain>("customer-456").AddAsync(3, 4);

        // The listener hears every test running in parallel; this test's calls are those of its trace.
        var calls = stopped.Where(activity => activity.TraceId == parent.TraceId && activity.DisplayName.StartsWith("ITracedGrain/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, calls.Count);
        Assert.All(calls, activity =>
        {
            Assert.Equal("ITracedGrain/AddAsync", activity.DisplayName);
            Assert.Equal(ActivityKind.Internal, activity.Kind);
            Assert.Equal("ITracedGrain", activity.GetTagItem("grain.interface"));
            Assert.Equal(parent.TraceId, activity.TraceId);
            Assert.DoesNotContain(activity.TagObjects, tag => tag.Key == "grain.key" || tag.Value is string value && value.StartsWith("customer-", StringComparison.Ordinal));
        });
        Assert.Same(parent, Activity.Current);
    }

    [Fact]
    public async Task Failed_call_marks_its_activity_as_error_and_rethrows_the_grains_exception()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = ListenTo(stopped);
        await using var harness = GrainRuntimeHarness.Create();
        using var parent = new Activity("request").Start();

        await Assert.ThrowsAsync<GrainTestException>(() => harness.Grains.GetGrain<ITracedGrain>("k").FailAsync());

        var failed = Assert.Single(stopped, activity => activity.TraceId == parent.TraceId && activity.DisplayName == "ITracedGrain/FailAsync");
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
        Assert.Equal(typeof(GrainTestException).FullName, failed.GetTagItem("error.type"));
    }

    [Fact]
    public async Task No_activity_is_created_when_no_listener_samples_it()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GrainRuntimeTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.None,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var harness = GrainRuntimeHarness.Create();

        Assert.Equal(3, await harness.Grains.GetGrain<ITracedGrain>("k").AddAsync(1, 2));

        Assert.DoesNotContain(stopped, activity => activity.DisplayName.StartsWith("ITracedGrain/", StringComparison.Ordinal));
    }

    private static ActivityListener ListenTo(ConcurrentQueue<Activity> stopped)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GrainRuntimeTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
