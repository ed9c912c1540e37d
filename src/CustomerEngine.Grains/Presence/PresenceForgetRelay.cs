using CustomerEngine.Grains.Nodes;
using CustomerEngine.Grains.Runtime;
using CustomerEngine.Storage.Notifications;
using Microsoft.Extensions.Logging;

namespace CustomerEngine.Grains.Presence;

/// <summary>
/// Forgets, in this node's record of a store, a customer erased on another node sharing the store:
/// the erasing node cannot write this node's record without making its next write fail.
/// </summary>
internal sealed partial class PresenceForgetRelay(INodeNotifications nodes, IGrainFactory grains, ILogger<PresenceForgetRelay> logger)
    : NodeTopicRelay(nodes, StorePresenceGrain.ForgetTopic)
{
    protected override async Task HandleAsync(NodeMessage message)
    {
        var parts = message.Payload.Split('\n');
        if (parts.Length != 2)
        {
            return;
        }

        await grains.GetGrain<IStorePresenceGrain>(parts[0]).ForgetHereAsync(parts[1]);
    }

    protected override void HandlingFailed(Exception exception, NodeMessage message) => LogForgetFailed(exception, message.Payload.Split('\n')[0]);

    [LoggerMessage(Level = LogLevel.Error, Message = "A customer erased on another node could not be forgotten in this node's presence of store {StoreId}")]
    private partial void LogForgetFailed(Exception exception, string storeId);
}
