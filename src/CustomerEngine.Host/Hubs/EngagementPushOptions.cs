namespace CustomerEngine.Host.Hubs;

/// <summary>How pushes to dashboards are batched; bound from <c>Engagement:Push</c>.</summary>
public sealed class EngagementPushOptions
{
    /// <summary>
    /// The shortest time between the starts of two flushes. Default zero: a flush starts as soon as
    /// the previous one has finished sending, and the changes queued meanwhile go out together, with
    /// changes to one customer coalesced into one message. A longer interval coalesces more at the
    /// cost of holding every change back for up to that long.
    /// </summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Queued pushes beyond which new ones are dropped (and counted), so dashboards that stop
    /// reading cannot make the engine's memory grow without bound.
    /// </summary>
    public int MaxPending { get; set; } = 100_000;
}
