using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CustomerEngine.Host.Hubs;
using CustomerEngine.Host.Telemetry;
using CustomerEngine.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static CustomerEngine.Host.Tests.Support.Events;

namespace CustomerEngine.Host.Tests.Telemetry;

public sealed class IngestTracingTests
{
    [Fact]
    public async Task An_ingest_request_is_one_trace_from_the_callers_span_through_storage_grain_arbitration_and_push()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var callerSpanId = ActivitySpanId.CreateRandom();
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => TelemetrySources.ActivitySources.Contains(source.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == traceId)
                {
                    stopped.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var factory = new EngineFactory();
        var client = factory.CreateClient();
        var id = $"trace-{Guid.NewGuid():N}";
        var now = DateTimeOffset.UtcNow;
        await client.IngestAsync(Registered(id, now.AddDays(-300)), Purchase(id, now.AddDays(-120)), Purchase(id, now.AddDays(-100)));

        // Pushes go only where a dashboard listens (decision 55).
        await using var dashboard = await factory.ConnectToEngagementHubAsync();
        await dashboard.InvokeAsync("WatchCustomer", id);

        // Applied before the traced batch is sent: a grain that lags catches up from the log, and
        // would then apply the traced events inside this earlier batch's call and trace.
        await factory.FlushPushesAsync();
        var events = new JsonArray(Entered(id, now.AddMinutes(-2)), Purchase(id, now.AddMinutes(-1), sku: "TENT-2"));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events") { Content = new StringContent(events.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Add("traceparent", $"00-{traceId}-{callerSpanId}-01");
        using var response = await client.SendAsync(request);

        // The 202 means durable and queued; a read of the same customer queues behind the batch.
        await client.CustomerAsync(id);
        await factory.FlushPushesAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var server = Assert.Single(stopped, a => a.Source.Name == TelemetrySources.AspNetCoreActivitySource);
        Assert.Equal(ActivityKind.Server, server.Kind);
        Assert.Equal(callerSpanId, server.ParentSpanId);
        Assert.Equal("POST /api/events", server.DisplayName);
        Assert.Equal("/api/events", server.GetTagItem("http.route"));
        Assert.Equal(202, server.GetTagItem("http.response.status_code"));
        var append = Assert.Single(stopped, a => a.Source.Name == "CustomerEngine.Storage" && a.ParentSpanId == server.SpanId);
        Assert.Equal("append events", append.DisplayName);
        Assert.Equal(ActivityKind.Client, append.Kind);
        Assert.Equal(2, append.GetTagItem("db.operation.batch.size"));
        var grainCall = Assert.Single(stopped, a => a.DisplayName == "ICustomerGrain/ApplyAsync");
        Assert.Equal(server.SpanId, grainCall.ParentSpanId);
        var arbitrations = stopped.Where(a => a.DisplayName == "arbitrate").ToList();
        Assert.NotEmpty(arbitrations);
        Assert.All(arbitrations, a => Assert.Equal(("CustomerEngine.Engagement", grainCall.SpanId), (a.Source.Name, a.ParentSpanId)));
        var pushes = stopped.Where(a => a.DisplayName == "push SuggestionsUpdated").ToList();
        Assert.NotEmpty(pushes);
        Assert.All(pushes, p => Assert.Equal((ActivityKind.Producer, grainCall.SpanId), (p.Kind, p.ParentSpanId)));
        Assert.All(stopped, activity => Assert.DoesNotContain(activity.TagObjects, tag => tag.Value is string text && text.Contains(id, StringComparison.Ordinal)));
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }
}
