using System.Text.Json;
using CustomerEngine.Storage.Notifications;
using Microsoft.Extensions.Hosting;
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
    ILogger<PresenceCountRelay> logger) : BackgroundService
{
    /// <summary>The topic a node's store counts are published on.</summary>
    public const string Topic = "presence.counts";

    /// <summary>How often changed counts are sent.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private volatile bool _republish;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!nodes.IsShared)
        {
            return;
        }

        using var subscription = nodes.Subscribe(Topic, Heard);
        peers.Joined += _ => _republish = true;
        peers.Left += Gone;
        var published = -1L;
        try
        {
            using var ticks = new PeriodicTimer(Interval, clock);
            while (await ticks.WaitForNextTickAsync(stoppingToken))
            {
                var changes = directory.Changes;
                if ((changes != published || _republish) && peers.Any)
                {
                    _republish = false;
                    nodes.Publish(Topic, JsonSerializer.Serialize(directory.ReadOwn()));
                    published = changes;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            peers.Left -= Gone;
        }
    }

    private void Gone(string node) => directory.ReportElsewhere(node, null);

    private void Heard(NodeMessage message)
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Store counts from node {NodeId} could not be read")]
    private partial void LogUnreadable(Exception exception, string nodeId);
}
