using CustomerEngine.Grains.Runtime.Reminders;
using CustomerEngine.Storage.Notifications;

namespace CustomerEngine.Grains.Nodes;

/// <summary>
/// Keeps a reminder named <c>{name}@{nodeId}</c> (<see cref="NodeOwnedName"/>) with the node <c>nodeId</c> while that node may be
/// alive, and lets any node claim it once it is gone, so a grain can take over what the dead node
/// left. Reminders without a node in their name go to whichever node claims them first.
/// </summary>
internal sealed class NodeOwnedReminders(NodePeers peers) : IReminderClaimFilter
{
    public bool MayClaim(ReminderEntry entry) =>
        NodeOwnedName.OwnerIsGone(entry.Name, peers) || peers.IsSelf(NodeOwnedName.OwnerOf(entry.Name)!);
}
