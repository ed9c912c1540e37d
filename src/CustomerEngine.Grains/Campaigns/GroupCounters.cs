using CustomerEngine.Campaigns.Results;

namespace CustomerEngine.Grains.Campaigns;

/// <summary>One group's counts, incremented in place by many grains at once (Interlocked), so they are exact.</summary>
public sealed class GroupCounters
{
    // Fields, not properties, so they can be incremented in place with Interlocked.
    internal long Eligible;
    internal long Triggered;
    internal long Presented;
    internal long Accepted;
    internal long Dismissed;
    internal long Conversions;

    /// <summary>Counters starting from <paramref name="counts"/>.</summary>
    public GroupCounters(GroupCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        Eligible = counts.Eligible;
        Triggered = counts.Triggered;
        Presented = counts.Presented;
        Accepted = counts.Accepted;
        Dismissed = counts.Dismissed;
        Conversions = counts.Conversions;
    }

    /// <summary>Adds <paramref name="counts"/> (a gone node's, taken over).</summary>
    public void Add(GroupCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        Interlocked.Add(ref Eligible, counts.Eligible);
        Interlocked.Add(ref Triggered, counts.Triggered);
        Interlocked.Add(ref Presented, counts.Presented);
        Interlocked.Add(ref Accepted, counts.Accepted);
        Interlocked.Add(ref Dismissed, counts.Dismissed);
        Interlocked.Add(ref Conversions, counts.Conversions);
    }

    /// <summary>The counts now.</summary>
    public GroupCounts Read() => new(
        Interlocked.Read(ref Eligible), Interlocked.Read(ref Triggered), Interlocked.Read(ref Presented),
        Interlocked.Read(ref Accepted), Interlocked.Read(ref Dismissed), Interlocked.Read(ref Conversions));
}
