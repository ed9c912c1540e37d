using System.Collections.Concurrent;

namespace CustomerEngine.Grains.Presence;

/// <summary>
/// How many customers each store has present, as last reported by the stores' presence grains, so
/// an engine-wide view can read every store without calling (or activating) each grain.
/// Thread-safe. On a store several nodes share, each node's counts reach the others through
/// the overview's relay in the host. It knows a store once its grain has been active in this process: after a restart,
/// a store with customers present reports when its next signal arrives or its time-out reminder
/// fires (within <see cref="PresenceOptions.TimeOutCheckInterval"/>).
/// </summary>
public sealed class StorePresenceDirectory
{
    private readonly ConcurrentDictionary<string, int> _present = new(StringComparer.Ordinal);

    // Other nodes' counts of the customers they serve, by node, as they last reported them.
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, int>> _elsewhere = new(StringComparer.Ordinal);
    private long _changes;

    /// <summary>Grows with every report of this node's own counts.</summary>
    public long Changes => Interlocked.Read(ref _changes);

    /// <summary>Records that <paramref name="storeId"/> has <paramref name="present"/> customers present now.</summary>
    public void Report(string storeId, int present)
    {
        ArgumentException.ThrowIfNullOrEmpty(storeId);
        ArgumentOutOfRangeException.ThrowIfNegative(present);
        _present[storeId] = present;
        Interlocked.Increment(ref _changes);
    }

    /// <summary>
    /// The latest count of every store reported so far (including stores now empty), ordered by
    /// store id: this node's customers plus those other nodes sharing the store last reported.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, int>> Read()
    {
        if (_elsewhere.IsEmpty)
        {
            return [.. _present.OrderBy(p => p.Key, StringComparer.Ordinal)];
        }

        var sums = new Dictionary<string, int>(_present, StringComparer.Ordinal);
        foreach (var counts in _elsewhere.Values)
        {
            foreach (var (storeId, present) in counts)
            {
                sums[storeId] = sums.GetValueOrDefault(storeId) + present;
            }
        }

        return [.. sums.OrderBy(p => p.Key, StringComparer.Ordinal)];
    }

    /// <summary>This node's own counts, for the other nodes.</summary>
    public IReadOnlyDictionary<string, int> ReadOwn() => new Dictionary<string, int>(_present, StringComparer.Ordinal);

    /// <summary>Records the counts another node reported of the customers it serves; null forgets that node.</summary>
    public void ReportElsewhere(string nodeId, IReadOnlyDictionary<string, int>? counts)
    {
        ArgumentException.ThrowIfNullOrEmpty(nodeId);
        if (counts is null)
        {
            _elsewhere.TryRemove(nodeId, out _);
        }
        else
        {
            _elsewhere[nodeId] = counts;
        }
    }
}
