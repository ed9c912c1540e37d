using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.WebSockets;
using System.Text.Json;
using CustomerEngine.HubClient;

namespace CustomerEngine.LoadTests.Load;

/// <summary>
/// Dashboards on <c>/hubs/engagement</c>, dashboard i joined to store <c>S{1 + i % stores}</c>,
/// while events are posted at a fixed rate (the open model of <see cref="IngestLoad"/>). For
/// every event whose customer is, or was until this event, present in a store with a dashboard,
/// it measures the time from the batch's due send time to the first push at a dashboard that
/// reflects it: <c>CustomerArrived</c>/<c>CustomerUpdated</c> whose <c>lastSeenAt</c> covers
/// the event, or the <c>CustomerLeft</c> of a <c>store.left</c>. An event with no such push within
/// 5 s of the end counts as an error. Batches overlap in flight, and two batches of one customer
/// in flight together may be applied in either order (an enter and a leave applied leave-first
/// push nothing, correctly), so events of a customer whose previous batch is still unanswered are
/// not measured, and neither are that customer's events still awaited.
/// </summary>
public sealed class PushLoad(LoadOptions options, Uri target, string apiKey)
{
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(5);

    public async Task<LoadResult> RunAsync(CancellationToken cancellationToken)
    {
        var clock = new Stopwatch();
        var latency = new LatencyRecorder();
        var awaiting = new EventsAwaitingPush(latency, clock, options.Warmup);
        var publisherDelay = new LatencyRecorder();
        using var publisherMeter = ListenToPublisherDelay(publisherDelay, clock);
        var dashboards = new List<JsonHubClient>();
        try
        {
            var watchedStores = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < options.Dashboards; i++)
            {
                var store = $"S{1 + (i % options.Stores)}";
                var dashboard = await ConnectAsync(cancellationToken);
                dashboards.Add(dashboard);
                dashboard.On("CustomerArrived", a => awaiting.AnswerSummary(a[0].GetProperty("customerId").GetString()!, a[0].GetProperty("lastSeenAt").GetDateTimeOffset()));
                dashboard.On("CustomerUpdated", a => awaiting.AnswerSummary(a[0].GetProperty("customerId").GetString()!, a[0].GetProperty("lastSeenAt").GetDateTimeOffset()));
                dashboard.On("CustomerLeft", a => awaiting.AnswerLeave(a[0].GetString()!));
                await dashboard.InvokeAsync("JoinStore", store);
                watchedStores.Add(store);
            }

            Console.Error.WriteLine($"  {dashboards.Count} dashboards joined {watchedStores.Count} stores");
            var workload = new PushWorkload(watchedStores, awaiting, options.Warmup);
            var ingest = new IngestLoad(options, target, apiKey) { Clock = clock, OnBatch = workload.AwaitPushes };
            using var progress = new Timer(_ => Report(latency, clock.Elapsed), null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
            var posted = await ingest.RunAsync(cancellationToken);

            var drainUntil = clock.Elapsed + Drain;
            while (awaiting.MeasuredCount > 0 && clock.Elapsed < drainUntil)
            {
                await Task.Delay(100, cancellationToken);
            }

            var lost = awaiting.MeasuredCount;
            var delay = publisherDelay.Summarise();
            Console.Error.WriteLine($"  the engine's own queue → send delay (engagement.push.delay, in-process engines only): {publisherDelay.Count:N0} sends, p50 {delay.P50:F1} ms, p99 {delay.P99:F1} ms, max {delay.Max:F1} ms");
            Console.Error.WriteLine($"  {latency.Count:N0} events measured; {workload.Unmeasured:N0} not measured (their customer had a batch in flight); {lost:N0} got no push within {Drain.TotalSeconds:N0} s of the end");

            return posted with { Errors = posted.Errors + lost, LatencyMs = latency.Summarise(), Requests = latency.Count };
        }
        finally
        {
            await Task.WhenAll(dashboards.Select(d => d.DisposeAsync().AsTask()));
        }
    }

    // The publisher's histogram splits the figure: time in the engine's push queue versus the
    // durable ingest path before it. Only visible when the engine runs in this process.
    private MeterListener ListenToPublisherDelay(LatencyRecorder delay, Stopwatch clock)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "CustomerEngine.Engagement" && instrument.Name == "engagement.push.delay")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, seconds, _, _) =>
        {
            if (clock.Elapsed >= options.Warmup)
            {
                delay.Record(seconds * 1000);
            }
        });
        listener.Start();
        return listener;
    }

    private async Task<JsonHubClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("X-Api-Key", apiKey);
        var hub = new UriBuilder(target) { Scheme = target.Scheme == Uri.UriSchemeHttps ? "wss" : "ws", Path = "/hubs/engagement" }.Uri;
        await socket.ConnectAsync(hub, cancellationToken);
        return await JsonHubClient.ConnectAsync(socket, keepReceived: false, cancellationToken);
    }

    private void Report(LatencyRecorder latency, TimeSpan elapsed)
    {
        if (elapsed < options.Warmup)
        {
            return;
        }

        var summary = latency.Summarise();
        Console.Error.WriteLine($"  {(elapsed - options.Warmup).TotalSeconds,5:F0}s  {latency.Count,10:N0} pushes matched  event→push p50 {summary.P50:F1} ms  p99 {summary.P99:F1} ms");
    }
}
