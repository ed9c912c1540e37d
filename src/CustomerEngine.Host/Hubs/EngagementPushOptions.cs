namespace CustomerEngine.Host.Hubs;

/// <summary>How pushes to dashboards are batched; bound from <c>Engagement:Push</c>.</summary>
public sealed class EngagementPushOptions
{
    /// <summary>
    /// The shortest time between two sends; changes to one customer within it are coalesced into
    /// one message. A change that finds the publisher idle goes out at once.
    /// </summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(15);

    /// <summary>
    /// Queued pushes beyond which new ones are dropped (and counted), so dashboards that stop
    /// reading cannot make the engine's memory grow without bound.
    /// </summary>
    public int MaxPending { get; set; } = 100_000;
}
