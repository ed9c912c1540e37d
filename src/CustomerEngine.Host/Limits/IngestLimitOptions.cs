namespace CustomerEngine.Host.Limits;

/// <summary>How much ingestion the engine takes on at once, and per caller (section <c>Ingest:Limits</c>).</summary>
public sealed class IngestLimitOptions
{
    /// <summary>
    /// Event requests being worked on at once; past it a request is answered 429 at once rather
    /// than queued, so an overload cannot pile up memory. Each request holds at most 1,000 events.
    /// A request admitted under overload waits behind the others in flight, so this bound is also
    /// what an accepted request's latency grows to (decision 60).
    /// </summary>
    public int MaxInFlightRequests { get; set; } = 128;

    /// <summary>Requests one API key (or signed-in person) may make per <see cref="Window"/>; 0 means no per-caller limit.</summary>
    public int PermitsPerCaller { get; set; }

    /// <summary>The window of <see cref="PermitsPerCaller"/>.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>What a refused caller is told to wait, in the <c>Retry-After</c> header, when the limiter does not know better.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);
}
