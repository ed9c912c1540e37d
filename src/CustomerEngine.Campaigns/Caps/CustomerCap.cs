namespace CustomerEngine.Campaigns.Caps;

/// <summary>A campaign's limit of presentations per customer over a rolling window.</summary>
/// <param name="Limit">At most this many presentations; null means no limit.</param>
/// <param name="Window">The rolling window.</param>
public sealed record CustomerCap(int? Limit, TimeSpan Window)
{
    /// <summary>No limit.</summary>
    public static CustomerCap None { get; } = new(null, TimeSpan.FromDays(30));

    /// <summary>True when one more presentation at <paramref name="now"/> stays within the cap, given the earlier ones.</summary>
    public bool Allows(IEnumerable<DateTimeOffset> presentedAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(presentedAt);
        if (Limit is not { } limit)
        {
            return true;
        }

        var since = now - Window;
        return presentedAt.Count(at => at > since && at <= now) < limit;
    }
}
