using System.Collections.Concurrent;

namespace CustomerEngine.Grains.Presence;

/// <summary>
/// How many customers each store has present, as last reported by the stores' presence grains, so
/// an engine-wide view can read every store without calling (or activating) each grain.
/// Thread-safe. It knows a store once its grain has been active in this process: after a restart,
/// a store with customers present reports when its next signal arrives or its time-out reminder
/// fires (within <see cref="PresenceOptions.TimeOutCheckInterval"/>).
/// </summary>
public sealed class StorePresenceDirectory
{
    private readonly ConcurrentDictionary<string, int> _present = new(StringComparer.Ordinal);

    /// <summary>Records that <paramref name="storeId"/> has <paramref name="present"/> customers present now.</summary>
    public void Report(string storeId, int present)
    {
        ArgumentException.ThrowIfNullOrEmpty(storeId);
        ArgumentOutOfRangeException.ThrowIfNegative(present);
        _present[storeId] = present;
    }

    /// <summary>The latest count of every store reported so far (including stores now empty), ordered by store id.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> Read() =>
        [.. _present.OrderBy(p => p.Key, StringComparer.Ordinal)];
}
