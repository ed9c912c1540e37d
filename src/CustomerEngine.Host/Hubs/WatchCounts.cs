using System.Collections.Concurrent;

namespace CustomerEngine.Host.Hubs;

/// <summary>
/// How many watchers each group has: read without a lock on every publish, changed only under its
/// owner's lock. A group leaves when its last watcher does, or every group ever watched would stay.
/// </summary>
internal sealed class WatchCounts
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public bool Contains(string group) => _counts.ContainsKey(group);

    public IReadOnlyList<string> Groups => [.. _counts.Keys];

    /// <summary>Counts one more watcher; true when it is the group's first.</summary>
    public bool Add(string group)
    {
        var watchers = _counts.GetValueOrDefault(group) + 1;
        _counts[group] = watchers;
        return watchers == 1;
    }

    /// <summary>Counts one watcher fewer; true when it was the group's last.</summary>
    public bool Remove(string group)
    {
        var left = _counts[group] - 1;
        if (left == 0)
        {
            _counts.TryRemove(group, out _);
            return true;
        }

        _counts[group] = left;
        return false;
    }
}
