namespace CustomerEngine.Storage.Notifications;

/// <summary>A node as another sees it (see <see cref="NodePeers.Read"/>).</summary>
/// <param name="NodeId">The node's id, fresh for every process.</param>
/// <param name="IsSelf">Whether it is the node answering.</param>
/// <param name="Connected">Whether it was connected to the store when its sessions were last read (always, for a node alone on its store).</param>
/// <param name="LastHeardAt">When a message of it last arrived; null when none did (itself, or a node that has not spoken).</param>
/// <param name="MayBeAlive">Whether it counts as alive: what it owns is not taken over while this holds.</param>
public sealed record KnownNode(string NodeId, bool IsSelf, bool Connected, DateTimeOffset? LastHeardAt, bool MayBeAlive);
