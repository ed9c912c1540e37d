using System.Threading.Channels;
using CustomerEngine.Storage.Notifications;
using Microsoft.Extensions.Hosting;

namespace CustomerEngine.Grains.Nodes;

/// <summary>
/// Hands each message other nodes publish on one topic to <see cref="HandleAsync"/>, one at a time
/// and in the order they arrived, while the host runs; nothing on a store no other node can share.
/// A message whose handling fails is reported to <see cref="HandlingFailed"/>, and the next one is
/// handled all the same.
/// </summary>
internal abstract class NodeTopicRelay(INodeNotifications nodes, string topic) : BackgroundService
{
    private readonly Channel<NodeMessage> _messages = Channel.CreateUnbounded<NodeMessage>(new UnboundedChannelOptions { SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!nodes.IsShared)
        {
            return;
        }

        using var subscription = nodes.Subscribe(topic, message => _messages.Writer.TryWrite(message));
        try
        {
            await foreach (var message in _messages.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await HandleAsync(message);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    HandlingFailed(exception, message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Acts on one message; the next waits until it is done.</summary>
    protected abstract Task HandleAsync(NodeMessage message);

    /// <summary>Reports a message whose handling failed.</summary>
    protected abstract void HandlingFailed(Exception exception, NodeMessage message);
}
