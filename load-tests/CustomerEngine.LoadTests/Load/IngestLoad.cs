using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using CustomerEngine.Host.Memory;
using CustomerEngine.LoadTests.Workload;

namespace CustomerEngine.LoadTests.Load;

/// <summary>
/// Posts event batches to <c>/api/events</c>. Without a rate it is a closed model (each worker
/// posts as fast as answers come: the maximum sustained rate). With a rate it is an open model:
/// batches are due at fixed times whatever the server does, and latency counts from the time a
/// batch was due, so a stalled server cannot hide behind a waiting client. The open model keeps
/// at most <see cref="LoadOptions.MaxOutstanding"/> requests in flight: a batch due beyond that is
/// not sent and is counted, so neither side queues without bound. The load runs for the warm-up
/// first (JIT compilation, first activations, the store's caches filling) and only what follows
/// it is measured.
/// </summary>
public sealed class IngestLoad(LoadOptions options, Uri target, string apiKey)
{
    private long _sentEvents;
    private long _offered;
    private long _accepted;
    private long _rejected;
    private long _withRetryAfter;
    private long _retryAfterMin = long.MaxValue;
    private long _retryAfterMax = long.MinValue;
    private long _otherErrors;
    private long _notSent;
    private long _outstanding;

    // Swapped on every progress line, so the live output shows the latest second, not only the run so far.
    private LatencyHistogram _lastSecond = new();
    private TimeSpan _measuredFrom;
    private long _processorTicksAtStart;

    /// <summary>
    /// With an open model, called on the sending loop with each batch's events and due time
    /// (on <see cref="Clock"/>) just before it is posted, so a scenario can await the engine's
    /// reactions to it; the action it returns runs once the post has been answered (or failed).
    /// </summary>
    public Func<IReadOnlyList<GeneratedEvent>, TimeSpan, Action>? OnBatch { get; init; }

    /// <summary>The run's clock, started by <see cref="RunAsync"/>; shared with scenarios that time things against due times.</summary>
    public Stopwatch Clock { get; init; } = new();

    /// <summary>Where the latency of accepted requests goes; a long run passes a bounded one.</summary>
    public LatencyRecorder Latency { get; init; } = new();

    /// <summary>
    /// Connections to the target at most. Requests beyond them wait in the client's pool (their
    /// latency still counts from the due time); overload opens one per outstanding request instead,
    /// so that the engine, not the client, decides what is refused.
    /// </summary>
    public int Connections { get; init; } = 256;

    /// <summary>
    /// Set when the server runs in this process, so that this process's processor time is the
    /// whole cost of the load (<see cref="LoadResult.ProcessorMicrosecondsPerEvent"/>).
    /// </summary>
    public bool MeasuresProcessor { get; init; }

    /// <summary>What became of the requests of the measured period.</summary>
    public IngestCounts Counts => new(
        Interlocked.Read(ref _offered),
        Interlocked.Read(ref _accepted),
        Interlocked.Read(ref _rejected),
        Interlocked.Read(ref _withRetryAfter),
        Interlocked.Read(ref _retryAfterMin) is var min && min != long.MaxValue ? (int)min : null,
        Interlocked.Read(ref _retryAfterMax) is var max && max != long.MinValue ? (int)max : null,
        Interlocked.Read(ref _otherErrors),
        Interlocked.Read(ref _notSent));

    public async Task<LoadResult> RunAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = target,
            Timeout = TimeSpan.FromSeconds(30),
            DefaultRequestHeaders = { { "X-Api-Key", apiKey } },
        };
        var clock = Clock;
        clock.Start();
        _measuredFrom = options.Warmup;
        using var progress = new Timer(_ => Report(clock.Elapsed), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        using var measureStart = MeasuresProcessor
            ? new Timer(_ => Interlocked.Exchange(ref _processorTicksAtStart, ProcessorTime.Process().Ticks), null, options.Warmup, Timeout.InfiniteTimeSpan)
            : null;
        if (options.Rate is { } rate)
        {
            await RunOpenAsync(http, rate, clock, cancellationToken);
        }
        else
        {
            await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(w => RunClosedAsync(http, w, clock, cancellationToken)));
        }

        // An open model that kept up finishes just after its last due time, before the end of the
        // period; its rate is over the whole period all the same.
        var seconds = Math.Max((clock.Elapsed - options.Warmup).TotalSeconds, options.Duration.TotalSeconds);
        var sent = Interlocked.Read(ref _sentEvents);
        var counts = Counts;
        var result = new LoadResult(
            options.Scenario, options.Rate, Math.Round(seconds, 2), sent, counts.Rejected + counts.OtherErrors + counts.NotSent,
            Math.Round(sent / seconds), Latency.Summarise(), options.BatchSize, (int)counts.Accepted);
        // Zero unless MeasuresProcessor started the measure at the end of the warm-up.
        var atStart = Interlocked.Read(ref _processorTicksAtStart);
        if (atStart == 0 || sent == 0)
        {
            return result;
        }

        var processor = ProcessorTime.Process() - TimeSpan.FromTicks(atStart);
        return result with { ProcessorMicrosecondsPerEvent = Math.Round(processor.TotalMicroseconds / sent, 1), ProcessorsBusy = Math.Round(processor.TotalSeconds / seconds, 2) };
    }

    private async Task RunClosedAsync(HttpClient http, int worker, Stopwatch clock, CancellationToken cancellationToken)
    {
        var generator = new RetailEventGenerator(options.Seed + worker, options.Customers, options.Stores, worker, options.Concurrency);
        while (clock.Elapsed < options.Warmup + options.Duration && !cancellationToken.IsCancellationRequested)
        {
            var started = clock.Elapsed;
            if (started >= _measuredFrom)
            {
                Interlocked.Increment(ref _offered);
            }

            await PostAsync(http, generator.NextBatch(options.BatchSize, DateTimeOffset.UtcNow), started, clock);
        }
    }

    private async Task RunOpenAsync(HttpClient http, int eventsPerSecond, Stopwatch clock, CancellationToken cancellationToken)
    {
        var generator = new RetailEventGenerator(options.Seed, options.Customers, options.Stores);
        var interval = TimeSpan.FromSeconds((double)options.BatchSize / eventsPerSecond);
        var generated = OnBatch is null ? null : new List<GeneratedEvent>(options.BatchSize);
        var inFlight = new List<Task>();
        for (var i = 0L; ; i++)
        {
            var due = interval * i;
            if (due >= options.Warmup + options.Duration || cancellationToken.IsCancellationRequested)
            {
                break;
            }

            // Generated even when it will not be sent, so the batches sent are always the seed's.
            generated?.Clear();
            var body = generator.NextBatch(options.BatchSize, DateTimeOffset.UtcNow, generated);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, cancellationToken);
            }

            var measured = due >= _measuredFrom;
            if (measured)
            {
                Interlocked.Increment(ref _offered);
            }

            if (Interlocked.Read(ref _outstanding) >= options.MaxOutstanding)
            {
                if (measured)
                {
                    Interlocked.Increment(ref _notSent);
                }

                continue;
            }

            var answered = generated is null ? null : OnBatch!(generated, due);
            inFlight.Add(PostAsync(http, body, due, clock, answered));
            inFlight.RemoveAll(t => t.IsCompleted);
        }

        await Task.WhenAll(inFlight);
    }

    private async Task PostAsync(HttpClient http, byte[] body, TimeSpan intended, Stopwatch clock, Action? answered = null)
    {
        Interlocked.Increment(ref _outstanding);
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.PostAsync("/api/events", content);
            await response.Content.LoadIntoBufferAsync();
            if (intended < _measuredFrom)
            {
                return;
            }

            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                Interlocked.Add(ref _sentEvents, options.BatchSize);
                Interlocked.Increment(ref _accepted);
                var latency = (clock.Elapsed - intended).TotalMilliseconds;
                Latency.Record(latency);
                Volatile.Read(ref _lastSecond).Record(latency);
            }
            else if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Interlocked.Increment(ref _rejected);
                if (response.Headers.RetryAfter?.Delta is { } delay)
                {
                    Interlocked.Increment(ref _withRetryAfter);
                    NoteRetryAfter((long)delay.TotalSeconds);
                }
            }
            else
            {
                Interlocked.Increment(ref _otherErrors);
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            if (intended >= _measuredFrom)
            {
                Interlocked.Increment(ref _otherErrors);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _outstanding);
            answered?.Invoke();
        }
    }

    private void NoteRetryAfter(long seconds)
    {
        long seen;
        while (seconds < (seen = Interlocked.Read(ref _retryAfterMin)) && Interlocked.CompareExchange(ref _retryAfterMin, seconds, seen) != seen)
        {
        }

        while (seconds > (seen = Interlocked.Read(ref _retryAfterMax)) && Interlocked.CompareExchange(ref _retryAfterMax, seconds, seen) != seen)
        {
        }
    }

    private void Report(TimeSpan elapsed)
    {
        if (elapsed < _measuredFrom)
        {
            Console.Error.WriteLine($"  {elapsed.TotalSeconds,5:F0}s  warming up");
            return;
        }

        elapsed -= _measuredFrom;
        var sent = Interlocked.Read(ref _sentEvents);
        var summary = Latency.Summarise();
        var lastSecond = Interlocked.Exchange(ref _lastSecond, new LatencyHistogram()).Summarise();
        var counts = Counts;
        var refused = counts.Rejected + counts.NotSent == 0 ? string.Empty : $"  429 {counts.Rejected}  not sent {counts.NotSent}";
        Console.Error.WriteLine($"  {elapsed.TotalSeconds,5:F0}s  {sent,10:N0} events  {sent / Math.Max(elapsed.TotalSeconds, 0.001),9:N0}/s  errors {counts.OtherErrors}{refused}  p50 {summary.P50:F1} ms  p99 {summary.P99:F1} ms  (last second p99 {lastSecond.P99:F1} ms)");
    }
}
