using CustomerEngine.Grains.Runtime.Reminders;
using CustomerEngine.Storage.Notifications;

namespace CustomerEngine.Grains.Nodes;

/// <summary>
/// Keeps a reminder named <c>{name}@{nodeId}</c> with the node <c>nodeId</c> while that node may be
/// alive, and lets any node claim it once it is gone, so a grain can take over what the dead node
/// left. Reminders without a node in their name go to whichever node claims them first.
/// </summary>
internal sealed class NodeOwnedReminders(NodePeers peers) : IReminderClaimFilter
{
    /// <summary>The reminder name <paramref name="name"/> owned by <paramref name="nodeId"/>.</summary>
    public static string Name(string name, string nodeId) => $"{name}@{nodeId}";

    /// <summary>The node a reminder or state name belongs to, or null when it names none.</summary>
    public static string? OwnerOf(string name)
    {
        var at = name.LastIndexOf('@');
        return at < 0 ? null : name[(at + 1)..];
    }

    public bool MayClaim(ReminderEntry entry) =>
        OwnerOf(entry.Name) is not { } owner || peers.IsSelf(owner) || !peers.MayBeAlive(owner);
}
