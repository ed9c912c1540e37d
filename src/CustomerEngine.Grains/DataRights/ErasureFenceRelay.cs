using CustomerEngine.Grains.Customers;
using CustomerEngine.Grains.Nodes;
using CustomerEngine.Storage.Notifications;
using Microsoft.Extensions.Logging;

namespace CustomerEngine.Grains.DataRights;

/// <summary>
/// Hands each customer another node says it wrote under this node's activation
/// (<see cref="CustomerActivations.ChangedTopic"/>) to <see cref="CustomerEraser.ChangedElsewhereAsync"/>,
/// which removes the snapshot when it is of a customer erased just before.
/// </summary>
internal sealed partial class ErasureFenceRelay(INodeNotifications nodes, CustomerEraser eraser, ILogger<ErasureFenceRelay> logger)
    : NodeTopicRelay(nodes, CustomerActivations.ChangedTopic)
{
    protected override Task HandleAsync(NodeMessage message) => eraser.ChangedElsewhereAsync(message.Payload);

    protected override void HandlingFailed(Exception exception, NodeMessage message) => LogFenceFailed(exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Checking a snapshot another node wrote against this node's recent erasures failed")]
    private partial void LogFenceFailed(Exception exception);
}
