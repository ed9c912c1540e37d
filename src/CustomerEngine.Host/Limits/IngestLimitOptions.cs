namespace CustomerEngine.Host.Limits;

/// <summary>How much ingestion the engine takes on at once, and per caller (section <c>Ingest:Limits</c>).</summary>
public sealed class IngestLimitOptions
{
    /// <summary>
    /// Event requests being worked on at once; past it a request is answered 429 at once rather
    /// than queued, so an overload cannot pile up memory. Each request holds at most 1,000 events.
    /// The bound also absorbs the node's stalls below capacity; a lower one answers admitted
    /// requests sooner under overload but refuses requests during a long pause (decision 60).
    /// </summary>
    public int MaxInFlightRequests { get; set; } = 256;

    /// <summary>Requests one API key (or signed-in person) may make per <see cref="Window"/>; 0 means no per-caller limit.</summary>
    public int PermitsPerCaller { get; set; }

    /// <summary>The window of <see cref="PermitsPerCaller"/>.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>What a refused caller is told to wait, in the <c>Retry-After</c> header, when the limiter does not know better.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);
}
