namespace CustomerEngine.Storage.Notifications;

/// <summary>The notifications of a store no other node shares: nothing is sent and nothing arrives.</summary>
public sealed class SingleNodeNotifications : INodeNotifications
{
    /// <inheritdoc />
    public bool IsShared => false;

    /// <inheritdoc />
    public string NodeId { get; } = Guid.NewGuid().ToString("N");

    /// <inheritdoc />
    public event Action? Connected
    {
        add { }
        remove { }
    }

    /// <inheritdoc />
    public Task<IReadOnlyCollection<string>> ConnectedNodesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyCollection<string>>([NodeId]);

    /// <inheritdoc />
    public void Publish(string topic, string payload)
    {
    }

    /// <inheritdoc />
    public IDisposable Subscribe(string topic, Action<NodeMessage> handler) => NoSubscription.Instance;

    private sealed class NoSubscription : IDisposable
    {
        public static readonly NoSubscription Instance = new();

        public void Dispose()
        {
        }
    }
}
