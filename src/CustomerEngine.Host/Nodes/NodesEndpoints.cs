using CustomerEngine.Host.Security;
using CustomerEngine.Storage.Notifications;

namespace CustomerEngine.Host.Nodes;

/// <summary><c>GET /api/nodes</c>: the nodes sharing the store, as the node answering sees them.</summary>
public static class NodesEndpoints
{
    /// <summary>Maps <c>GET /api/nodes</c> for admins.</summary>
    public static IEndpointRouteBuilder MapNodesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/nodes", (INodeNotifications nodes, NodePeers peers) => TypedResults.Ok(new NodesView(nodes.NodeId, nodes.IsShared, peers.Read())))
            .WithName("GetNodes")
            .WithSummary("The nodes sharing the store, as this node sees them")
            .WithDescription("This node, every node connected to the database when its sessions were last read (every 5 s), and every node heard from. A node that may be alive keeps what it owns; one that is not is taken over. Alone on SQLite, only this node.")
            .Produces<NodesView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(EnginePolicies.Admin);
        return app;
    }
}
