namespace CustomerEngine.Host.Overview;

/// <summary>How often the overview is pushed and its customer counts re-read; bound from <c>Overview</c>.</summary>
public sealed class OverviewOptions
{
    /// <summary>How often a snapshot is pushed to the overview group while anyone is in it.</summary>
    public TimeSpan PushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The customer-base counts are re-read at most this often.</summary>
    public TimeSpan CountsMinInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The largest share of time the counts may spend scanning the index: after a read that took
    /// <c>t</c>, the next waits at least <c>t / share</c>. A small base is counted every
    /// <see cref="CountsMinInterval"/>; a million customers (a second or more per scan) every
    /// ten seconds or so, so the overview cannot take over the store.
    /// </summary>
    public double CountsMaxShare { get; set; } = 0.1;
}
