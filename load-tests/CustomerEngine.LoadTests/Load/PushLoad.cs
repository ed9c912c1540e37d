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
/// <see cref="LoadOptions.Drain"/> of the end counts as missing. Batches overlap in flight, and two
/// batches of one customer in flight together may be applied in either order (an enter and a
/// leave applied leave-first push nothing, correctly), so events of a customer whose previous
/// batch is still unanswered are not measured, and neither are that customer's events still
/// awaited. With <see cref="SuggestionsLatency"/> it also times store entries to their
/// <c>SuggestionsUpdated</c> (<see cref="EventsAwaitingSuggestions"/>).
/// </summary>
public sealed class PushLoad(LoadOptions options, Uri target, string apiKey)
{
    /// <summary>The run's clock, started when the posting starts.</summary>
    public Stopwatch Clock { get; init; } = new();

    /// <summary>Where the latency of each <c>202</c> goes.</summary>
    public LatencyRecorder IngestLatency { get; init; } = new();

    /// <summary>Where event → push latency goes.</summary>
    public LatencyRecorder PushLatency { get; init; } = new();

    /// <summary>Where the engine's own queue → send delay goes (in-process engines only).</summary>
    public LatencyRecorder PublisherDelay { get; init; } = new();

    /// <summary>When set, store entry → <c>SuggestionsUpdated</c> is measured too, into this.</summary>
    public LatencyRecorder? SuggestionsLatency { get; init; }

    /// <summary>The push scenario: the push latency is the result's latency, and missing pushes are errors.</summary>
    public async Task<LoadResult> RunAsync(CancellationToken cancellationToken)
    {
        var run = await MeasureAsync(cancellationToken);
        return run.Ingest with { Errors = run.Ingest.Errors + run.PushesMissing, LatencyMs = run.Push, Requests = run.PushesMeasured };
    }

    public async Task<PushRun> MeasureAsync(CancellationToken cancellationToken)
    {
        var clock = Clock;
        var awaiting = new EventsAwaitingPush(PushLatency, clock, options.Warmup);
        var suggestions = SuggestionsLatency is { } suggestionsLatency ? new EventsAwaitingSuggestions(suggestionsLatency, clock, options.Warmup) : null;
        var publisherDelay = PublisherDelay;
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
                var index = i;
                dashboard.On("CustomerArrived", a => Summarised(index, a[0]));
                dashboard.On("CustomerUpdated", a => Summarised(index, a[0]));
                dashboard.On("CustomerLeft", a => awaiting.AnswerLeave(a[0].GetString()!));
                if (suggestions is not null)
                {
                    dashboard.On("SuggestionsUpdated", a => suggestions.SuggestionsArrived(index, a[0].GetString()!));
                }

                await dashboard.InvokeAsync("JoinStore", store);
                watchedStores.Add(store);
            }

            Console.Error.WriteLine($"  {dashboards.Count} dashboards joined {watchedStores.Count} stores");
            var workload = new PushWorkload(watchedStores, awaiting, options.Warmup, suggestions);
            var ingest = new IngestLoad(options, target, apiKey) { Clock = clock, Latency = IngestLatency, OnBatch = workload.AwaitPushes };
            using var progress = new Timer(_ => Report(clock.Elapsed), null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
            var posted = await ingest.RunAsync(cancellationToken);

            var drainUntil = clock.Elapsed + options.Drain;
            while ((awaiting.MeasuredCount > 0 || suggestions?.MeasuredCount > 0) && clock.Elapsed < drainUntil)
            {
                await Task.Delay(100, cancellationToken);
            }

            var lost = awaiting.MeasuredCount;
            var lostSuggestions = suggestions?.MeasuredCount ?? 0;
            var delay = publisherDelay.Summarise();
            if (publisherDelay.Count > 0)
            {
                // The meter is read in this process, so an engine elsewhere reports no sends here.
                Console.Error.WriteLine($"  the engine's own queue → send delay (engagement.push.delay): {publisherDelay.Count:N0} sends, p50 {delay.P50:F1} ms, p99 {delay.P99:F1} ms, max {delay.Max:F1} ms");
            }
            Console.Error.WriteLine($"  {PushLatency.Count:N0} events measured; {workload.Unmeasured:N0} not measured (their customer had a batch in flight); {lost:N0} got no push within {options.Drain.TotalSeconds:N0} s of the end");
            if (suggestions is not null)
            {
                Console.Error.WriteLine($"  {suggestions.Received:N0} SuggestionsUpdated received; {SuggestionsLatency!.Count:N0} store entries timed to theirs; {lostSuggestions:N0} got none within {options.Drain.TotalSeconds:N0} s of the end");
            }

            return new PushRun(
                posted, ingest.Counts, PushLatency.Summarise(), PushLatency.Count, workload.Unmeasured, lost,
                SuggestionsLatency?.Summarise(), SuggestionsLatency?.Count ?? 0, suggestions?.Received ?? 0, lostSuggestions);
        }
        finally
        {
            await Task.WhenAll(dashboards.Select(d => d.DisposeAsync().AsTask()));
        }

        void Summarised(int dashboard, JsonElement summary)
        {
            var customerId = summary.GetProperty("customerId").GetString()!;
            var lastSeenAt = summary.GetProperty("lastSeenAt").GetDateTimeOffset();
            awaiting.AnswerSummary(customerId, lastSeenAt);
            suggestions?.SummaryArrived(dashboard, customerId, lastSeenAt);
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

    private void Report(TimeSpan elapsed)
    {
        if (elapsed < options.Warmup)
        {
            return;
        }

        var summary = PushLatency.Summarise();
        var suggestions = SuggestionsLatency?.Summarise() is { } s ? $"  entry→SuggestionsUpdated p50 {s.P50:F1} ms  p99 {s.P99:F1} ms" : string.Empty;
        Console.Error.WriteLine($"  {(elapsed - options.Warmup).TotalSeconds,5:F0}s  {PushLatency.Count,10:N0} pushes matched  event→push p50 {summary.P50:F1} ms  p99 {summary.P99:F1} ms{suggestions}");
    }
}
