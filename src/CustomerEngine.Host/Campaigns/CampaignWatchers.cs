using System.Collections.Concurrent;

namespace CustomerEngine.Host.Campaigns;

/// <summary>
/// Which hub connections joined which campaign's group. SignalR cannot say whether a group has
/// members, and results are built only for campaigns someone watches.
/// </summary>
public sealed class CampaignWatchers
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _byCampaign = new(StringComparer.Ordinal);

    /// <summary>The campaigns watched by at least one connection.</summary>
    public IReadOnlyList<string> Watched => [.. _byCampaign.Where(c => !c.Value.IsEmpty).Select(c => c.Key)];

    /// <summary>A connection joined a campaign's group; joining twice counts once.</summary>
    public void Joined(string campaignId, string connectionId) =>
        _byCampaign.GetOrAdd(campaignId, _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal)).TryAdd(connectionId, 0);

    /// <summary>A connection left a campaign's group.</summary>
    public void Left(string campaignId, string connectionId)
    {
        if (_byCampaign.TryGetValue(campaignId, out var connections))
        {
            connections.TryRemove(connectionId, out _);
        }
    }

    /// <summary>A connection went away: it leaves every group.</summary>
    public void Disconnected(string connectionId)
    {
        foreach (var connections in _byCampaign.Values)
        {
            connections.TryRemove(connectionId, out _);
        }
    }
}
