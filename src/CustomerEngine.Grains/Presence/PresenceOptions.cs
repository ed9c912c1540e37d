namespace CustomerEngine.Grains.Presence;

/// <summary>How store presence is judged and kept.</summary>
public sealed class PresenceOptions
{
    /// <summary>A customer not seen for this long is no longer counted as present, even without a <c>store.left</c>.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// How long a store keeps a customer who is not in it (who left, or was only seen) after their
    /// latest signal. Until then a late enter older than their leave is still judged against it;
    /// after, one older than the latest departure forgotten is ignored. Keeping them for the whole
    /// <see cref="Timeout"/> instead made a busy store's record hold, and rewrite at every flush,
    /// everyone of the last two hours. On a store several nodes share, departures are kept for the
    /// whole time-out all the same: another node's record may still hold the customer as present.
    /// </summary>
    public TimeSpan DepartedRetention { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long presence changes may wait before they are written.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a store with customers present looks for time-outs to announce to its dashboards.</summary>
    public TimeSpan TimeOutCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How far apart in occurrence time a present customer's in-store sightings are reported to the
    /// store. Sightings in between change only the store's "last seen" time, which may then lag by
    /// up to this much, and a time-out may come up to this much early. Zero reports every sighting.
    /// </summary>
    public TimeSpan SightingInterval { get; set; } = TimeSpan.FromSeconds(10);
}
