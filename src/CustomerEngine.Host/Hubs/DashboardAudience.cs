namespace CustomerEngine.Host.Hubs;

/// <summary>
/// Which groups of <see cref="EngagementHub"/> have a connection on this node. SignalR keeps its
/// groups to itself; the publisher asks here so that a push nobody would receive is neither
/// queued, sent, counted as sent nor traced (decision 55), and the overview and campaign
/// broadcasters so that they build nothing for an empty group.
/// </summary>
public sealed class DashboardAudience
{
    private readonly Lock _gate = new();

    // Written under the gate; also read without it, on every publish.
    private readonly WatchCounts _members = new();
    private readonly Dictionary<string, HashSet<string>> _groupsOf = new(StringComparer.Ordinal);

    /// <summary>Whether any connection is in <paramref name="group"/>.</summary>
    public bool Watches(string group) => _members.Contains(group);

    /// <summary>Whether the connection <paramref name="connectionId"/> is in <paramref name="group"/> now.</summary>
    public bool IsIn(string connectionId, string group)
    {
        lock (_gate)
        {
            return _groupsOf.TryGetValue(connectionId, out var groups) && groups.Contains(group);
        }
    }

    /// <summary>The groups with at least one connection, at the moment of the call.</summary>
    public IReadOnlyList<string> Watched => _members.Groups;

    /// <summary>
    /// Raised when a group gains its first connection (<see langword="true"/>) or loses its last, while
    /// the audience is locked, so that handlers see the changes in the order they happened. Handlers
    /// must only queue.
    /// </summary>
    public event Action<string, bool>? WatchChanged;

    /// <summary>Runs <paramref name="use"/> with the watched groups while no group can change, so that nothing it publishes overtakes a change.</summary>
    public void WithWatched(Action<IReadOnlyList<string>> use)
    {
        ArgumentNullException.ThrowIfNull(use);
        lock (_gate)
        {
            use(_members.Groups);
        }
    }

    /// <summary>Records <paramref name="connectionId"/> in <paramref name="group"/>; call before adding it to the SignalR group.</summary>
    public void Joined(string connectionId, string group)
    {
        lock (_gate)
        {
            if (!_groupsOf.TryGetValue(connectionId, out var groups))
            {
                groups = new HashSet<string>(StringComparer.Ordinal);
                _groupsOf[connectionId] = groups;
            }

            if (groups.Add(group) && _members.Add(group))
            {
                WatchChanged?.Invoke(group, true);
            }
        }
    }

    /// <summary>Records that <paramref name="connectionId"/> left <paramref name="group"/>.</summary>
    public void Left(string connectionId, string group)
    {
        lock (_gate)
        {
            if (_groupsOf.TryGetValue(connectionId, out var groups) && groups.Remove(group))
            {
                Leave(group);
                if (groups.Count == 0)
                {
                    _groupsOf.Remove(connectionId);
                }
            }
        }
    }

    /// <summary>Removes <paramref name="connectionId"/> from every group, as SignalR does when it disconnects.</summary>
    public void Disconnected(string connectionId)
    {
        lock (_gate)
        {
            if (_groupsOf.Remove(connectionId, out var groups))
            {
                foreach (var group in groups)
                {
                    Leave(group);
                }
            }
        }
    }

    private void Leave(string group)
    {
        if (_members.Remove(group))
        {
            WatchChanged?.Invoke(group, false);
        }
    }
}
