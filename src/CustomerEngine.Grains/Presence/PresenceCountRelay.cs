using System.Text.Json;
using CustomerEngine.Grains.Nodes;
using CustomerEngine.Storage.Notifications;
using Microsoft.Extensions.Logging;

namespace CustomerEngine.Grains.Presence;

/// <summary>
/// Tells the other nodes sharing the store how many of this node's customers each store has
/// present, when that changed, every <see cref="Interval"/> (and to a node that joins), and hands
/// theirs to <see cref="StorePresenceDirectory"/>, so each node's overview counts every node's visitors.
/// </summary>
internal sealed partial class PresenceCountRelay(
    INodeNotifications nodes,
    NodePeers peers,
    StorePresenceDirectory directory,
    TimeProvider clock,
    ILogger<PresenceCountRelay> logger) : NodeShareRelay(nodes, peers, clock, Topic, Interval)
{
    /// <summary>The topic a node's store counts are published on.</summary>
    public const string Topic = "presence.counts";

    /// <summary>How often changed counts are sent.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private long _published = -1;

    protected override Task TickAsync(bool all)
    {
        var changes = directory.Changes;
        if ((changes != _published || all) && AnyoneListens)
        {
            Publish(JsonSerializer.Serialize(directory.ReadOwn()));
            _published = changes;
        }

        return Task.CompletedTask;
    }

    protected override void Gone(string node) => directory.ReportElsewhere(node, null);

    protected override void Heard(NodeMessage message)
    {
        try
        {
            directory.ReportElsewhere(message.SenderNodeId, JsonSerializer.Deserialize<Dictionary<string, int>>(message.Payload));
        }
        catch (JsonException exception)
        {
            LogUnreadable(exception, message.SenderNodeId);
        }
    }

    protected override void TickFailed(Exception exception) => LogShareFailed(exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending this node's store counts to the others failed")]
    private partial void LogShareFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Store counts from node {NodeId} could not be read")]
    private partial void LogUnreadable(Exception exception, string nodeId);
}
