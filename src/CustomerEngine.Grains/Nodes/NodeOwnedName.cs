using CustomerEngine.Storage.Notifications;

namespace CustomerEngine.Grains.Nodes;

/// <summary>
/// Names of things one node owns on a store several nodes share (a state, a reminder):
/// <c>{name}@{nodeId}</c>. A name without a node (<c>{name}</c>) is from before the store was
/// shared, and owned by no node alive.
/// </summary>
public static class NodeOwnedName
{
    /// <summary>The name <paramref name="name"/> owned by <paramref name="nodeId"/>.</summary>
    public static string Of(string name, string nodeId) => $"{name}@{nodeId}";

    /// <summary>
    /// This node's own <paramref name="name"/>: owned by it on a store several nodes share, and
    /// plain on one no other node can share, so that what a single node always wrote reads back.
    /// </summary>
    public static string ForThisNode(string name, INodeNotifications nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        return nodes.IsShared ? Of(name, nodes.NodeId) : name;
    }

    /// <summary>The node <paramref name="name"/> belongs to, or null when it names none.</summary>
    public static string? OwnerOf(string name)
    {
        var at = name.LastIndexOf('@');
        return at < 0 ? null : name[(at + 1)..];
    }

    /// <summary>Whether <paramref name="name"/> is <paramref name="baseName"/>, owned by a node or by none.</summary>
    public static bool IsA(string name, string baseName) =>
        name == baseName || (name.Length > baseName.Length + 1 && name.StartsWith(baseName, StringComparison.Ordinal) && name[baseName.Length] == '@');

    /// <summary>
    /// Whether what <paramref name="name"/> names has no owner alive (its node is gone, or it names
    /// none), so that another node may take it over.
    /// </summary>
    public static bool OwnerIsGone(string name, NodePeers peers)
    {
        ArgumentNullException.ThrowIfNull(peers);
        return OwnerOf(name) is not { } owner || !peers.MayBeAlive(owner);
    }
}
