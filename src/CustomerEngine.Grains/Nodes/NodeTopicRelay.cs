using CustomerEngine.Storage.Notifications;
using Microsoft.Extensions.Hosting;

namespace CustomerEngine.Grains.Nodes;

/// <summary>
/// Hands each message other nodes publish on one topic to <see cref="HandleAsync"/>, while the host
/// runs; nothing on a store no other node can share. A handler's failure is for it to log: the
/// relay goes on with the next message.
/// </summary>
internal abstract class NodeTopicRelay(INodeNotifications nodes, string topic) : IHostedService, IDisposable
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (nodes.IsShared)
        {
            _subscription = nodes.Subscribe(topic, message => _ = HandleAsync(message));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    public virtual void Dispose() => _subscription?.Dispose();

    /// <summary>Acts on one message; called on the channel's thread, so it must not block before its first await.</summary>
    protected abstract Task HandleAsync(NodeMessage message);
}
