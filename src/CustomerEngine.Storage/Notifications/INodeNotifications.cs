namespace CustomerEngine.Storage.Notifications;

/// <summary>
/// Short messages between engine nodes that share one store, carried by the store itself
/// (PostgreSQL <c>LISTEN</c>/<c>NOTIFY</c>): what each node's dashboards watch, and the pushes one
/// node's grains produce for dashboards connected to another. Delivery is best effort: a node
/// disconnected from the store misses what is sent meanwhile (it hears <see cref="Connected"/> again
/// when it is back and should re-announce what others need), and a node never hears its own messages.
/// </summary>
public interface INodeNotifications
{
    /// <summary>Whether other nodes can share the store at all; false for a store one process owns (SQLite), where publishing does nothing.</summary>
    bool IsShared { get; }

    /// <summary>This node's id, fresh for every process.</summary>
    string NodeId { get; }

    /// <summary>
    /// The ids of the nodes whose connection to the store is open now, this one's included while
    /// it is connected: the store's own list of sessions, so a node that died is missing from it at
    /// once, and one slow to answer messages is not. Only this node on a store no other node can share.
    /// </summary>
    Task<IReadOnlyCollection<string>> ConnectedNodesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Sends <paramref name="payload"/> on <paramref name="topic"/> to every other node. Returns at once and
    /// never throws: messages from one node arrive in the order it published them, or not at all.
    /// </summary>
    void Publish(string topic, string payload);

    /// <summary>
    /// Calls <paramref name="handler"/> for every message another node publishes on <paramref name="topic"/>,
    /// on the thread that receives it: the handler must return quickly and must not throw. Dispose the result to stop.
    /// </summary>
    IDisposable Subscribe(string topic, Action<NodeMessage> handler);

    /// <summary>Raised whenever this node has (re)connected to the channel; messages of other nodes sent before were missed.</summary>
    event Action? Connected;
}
