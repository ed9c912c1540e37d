using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using CustomerEngine.LoadTests.Workload;

namespace CustomerEngine.LoadTests.Load;

/// <summary>
/// Posts event batches to <c>/api/events</c>. Without a rate it is a closed model (each worker
/// posts as fast as answers come: the maximum sustained rate). With a rate it is an open model:
/// batches are due at fixed times whatever the server does, and latency counts from the time a
/// batch was due, so a stalled server cannot hide behind a waiting client. The load runs for the
/// warm-up first (JIT compilation, first activations, the store's caches filling) and only what
/// follows it is measured.
/// </summary>
public sealed class IngestLoad(LoadOptions options, Uri target, string apiKey)
{
    private readonly LatencyRecorder _latency = new();
    private long _sentEvents;
    private long _errors;
    private TimeSpan _measuredFrom;

    /// <summary>
    /// With an open model, called on the sending loop with each batch's events and due time
    /// (on <see cref="Clock"/>) just before it is posted, so a scenario can await the engine's
    /// reactions to it; the action it returns runs once the post has been answered (or failed).
    /// </summary>
    public Func<IReadOnlyList<GeneratedEvent>, TimeSpan, Action>? OnBatch { get; init; }

    /// <summary>The run's clock, started by <see cref="RunAsync"/>; shared with scenarios that time things against due times.</summary>
    public Stopwatch Clock { get; init; } = new();

    public async Task<LoadResult> RunAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = target,
            Timeout = TimeSpan.FromSeconds(30),
            DefaultRequestHeaders = { { "X-Api-Key", apiKey } },
        };
        var clock = Clock;
        clock.Start();
        _measuredFrom = options.Warmup;
        using var progress = new Timer(_ => Report(clock.Elapsed), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        if (options.Rate is { } rate)
        {
            await RunOpenAsync(http, rate, clock, cancellationToken);
        }
        else
        {
            await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(w => RunClosedAsync(http, w, clock, cancellationToken)));
        }

        var seconds = (clock.Elapsed - options.Warmup).TotalSeconds;
        return new LoadResult(
            options.Scenario, options.Rate, Math.Round(seconds, 2), Interlocked.Read(ref _sentEvents), Interlocked.Read(ref _errors),
            Math.Round(Interlocked.Read(ref _sentEvents) / seconds), _latency.Summarise(), options.BatchSize, _latency.Count);
    }

    private async Task RunClosedAsync(HttpClient http, int worker, Stopwatch clock, CancellationToken cancellationToken)
    {
        var generator = new RetailEventGenerator(options.Seed + worker, options.Customers, options.Stores, worker, options.Concurrency);
        while (clock.Elapsed < options.Warmup + options.Duration && !cancellationToken.IsCancellationRequested)
        {
            var started = clock.Elapsed;
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

            generated?.Clear();
            var body = generator.NextBatch(options.BatchSize, DateTimeOffset.UtcNow, generated);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, cancellationToken);
            }

            var answered = generated is null ? null : OnBatch!(generated, due);
            inFlight.Add(PostAsync(http, body, due, clock, answered));
            inFlight.RemoveAll(t => t.IsCompleted);
        }

        await Task.WhenAll(inFlight);
    }

    private async Task PostAsync(HttpClient http, byte[] body, TimeSpan intended, Stopwatch clock, Action? answered = null)
    {
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
                _latency.Record((clock.Elapsed - intended).TotalMilliseconds);
            }
            else
            {
                Interlocked.Increment(ref _errors);
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            if (intended >= _measuredFrom)
            {
                Interlocked.Increment(ref _errors);
            }
        }
        finally
        {
            answered?.Invoke();
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
        var summary = _latency.Summarise();
        Console.Error.WriteLine($"  {elapsed.TotalSeconds,5:F0}s  {sent,10:N0} events  {sent / Math.Max(elapsed.TotalSeconds, 0.001),9:N0}/s  errors {Interlocked.Read(ref _errors)}  p50 {summary.P50:F1} ms  p99 {summary.P99:F1} ms");
    }
}
