using System.Collections.Concurrent;

namespace CustomerEngine.Host.Overview;

/// <summary>
/// The hub connections in the overview group. SignalR cannot say whether a group has members, and
/// the snapshot costs a read of the index, so the broadcaster asks this before building one.
/// </summary>
public sealed class OverviewAudience
{
    private readonly ConcurrentDictionary<string, byte> _connections = new(StringComparer.Ordinal);

    /// <summary>Whether any connection is watching.</summary>
    public bool IsEmpty => _connections.IsEmpty;

    /// <summary>How many connections are watching.</summary>
    public int Count => _connections.Count;

    /// <summary>A connection joined; joining twice counts once.</summary>
    public void Joined(string connectionId) => _connections.TryAdd(connectionId, 0);

    /// <summary>A connection left the group or disconnected; unknown ids are ignored.</summary>
    public void Left(string connectionId) => _connections.TryRemove(connectionId, out _);
}
