namespace CustomerEngine.Campaigns.Triggers;

/// <summary>
/// A 64-bit fingerprint of a trigger occurrence's key (<see cref="TriggerSubject.Key"/>), the same
/// on every machine and after any restart. Campaigns remember the last occurrence they counted
/// for each customer as this number rather than as the key: a key is a new string at every
/// decision, and writing a new object into millions of long-lived records made the garbage
/// collector rescan them at every collection, which cost more than evaluating the campaigns.
/// </summary>
public static class TriggerFingerprint
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    /// <summary>The fingerprint of <paramref name="key"/>: FNV-1a over its UTF-16 code units.</summary>
    public static long Of(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = OffsetBasis;
        foreach (var c in key)
        {
            hash = (hash ^ (byte)c) * Prime;
            hash = (hash ^ (byte)(c >> 8)) * Prime;
        }

        return unchecked((long)hash);
    }
}
