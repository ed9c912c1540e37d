using CustomerEngine.Storage.Notifications;

namespace CustomerEngine.Host.Nodes;

/// <summary>What <c>GET /api/nodes</c> returns.</summary>
/// <param name="NodeId">The id of the node answering.</param>
/// <param name="Shared">Whether other nodes can share its store (PostgreSQL) or not (SQLite).</param>
/// <param name="Nodes">Every node it knows of, itself included, ordered by id.</param>
public sealed record NodesView(string NodeId, bool Shared, IReadOnlyList<KnownNode> Nodes);
