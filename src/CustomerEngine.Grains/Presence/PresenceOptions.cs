namespace CustomerEngine.Grains.Presence;

/// <summary>How store presence is judged and kept.</summary>
public sealed class PresenceOptions
{
    /// <summary>A customer not seen for this long is no longer counted as present, even without a <c>store.left</c>.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long presence changes may wait before they are written.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a store with customers present looks for time-outs to announce to its dashboards.</summary>
    public TimeSpan TimeOutCheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}
