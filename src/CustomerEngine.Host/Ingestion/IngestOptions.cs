namespace CustomerEngine.Host.Ingestion;

/// <summary>Limits of the event API.</summary>
public sealed class IngestOptions
{
    /// <summary>Most events one request may carry.</summary>
    public int MaxEventsPerRequest { get; set; } = 1000;

    /// <summary>Largest request body, in bytes.</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How far in the future an event's <c>occurredAt</c> may lie (producers' clocks drift).</summary>
    public TimeSpan MaxFutureSkew { get; set; } = TimeSpan.FromMinutes(5);
}
