using System.Globalization;
using CustomerEngine.Grains.Nodes;
using CustomerEngine.Storage.Notifications;
using Microsoft.Extensions.Logging;

namespace CustomerEngine.Grains.DataRights;

/// <summary>
/// Hands an erasure made on another node sharing the store to <see cref="CustomerEraser.ErasedElsewhereAsync"/>,
/// one at a time in the order they were made.
/// </summary>
internal sealed partial class ErasureRelay(INodeNotifications nodes, CustomerEraser eraser, ILogger<ErasureRelay> logger)
    : NodeTopicRelay(nodes, CustomerEraser.ErasedTopic)
{
    protected override async Task HandleAsync(NodeMessage message)
    {
        var lines = message.Payload.Split('\n');
        if (lines.Length < 2 || !long.TryParse(lines[0], NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            return;
        }

        await eraser.ErasedElsewhereAsync(position, lines[1..]);
    }

    protected override void HandlingFailed(Exception exception, NodeMessage message) => LogForgetFailed(exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "An erasure made on another node could not be applied to what this node holds")]
    private partial void LogForgetFailed(Exception exception);
}
