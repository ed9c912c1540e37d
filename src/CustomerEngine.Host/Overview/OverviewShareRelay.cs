using System.Text.Json;
using CustomerEngine.Grains.Engagement;
using CustomerEngine.Grains.Nodes;
using CustomerEngine.Grains.Presence;
using CustomerEngine.Host.Ingestion;
using CustomerEngine.Storage.Notifications;

namespace CustomerEngine.Host.Overview;

/// <summary>
/// Tells the other nodes sharing the store, every second, how many events this node accepted in
/// each of the last few seconds, its suggestion outcomes and, when they changed, its customers
/// present per store, and adds theirs to this node's <see cref="AcceptedEventRate"/>,
/// <see cref="OutcomeTally"/> and <see cref="StorePresenceDirectory"/>, so that every node's
/// overview shows the whole engine. A node that joins gets the whole history.
/// </summary>
internal sealed partial class OverviewShareRelay(
    INodeNotifications nodes,
    NodePeers peers,
    AcceptedEventRate events,
    OutcomeTally outcomes,
    StorePresenceDirectory presence,
    TimeProvider clock,
    ILogger<OverviewShareRelay> logger) : NodeShareRelay(nodes, peers, clock, Topic, Interval)
{
    /// <summary>The topic a node's overview figures are published on.</summary>
    public const string Topic = "overview.share";

    /// <summary>How often the figures are sent.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    // Each tick sends the last few seconds, not only the one just ended, so that a batch recorded
    // in a second after that second was sent still reaches the others; a second sent again replaces it.
    private const int RecentSeconds = 5;

    private long _publishedOutcomes = -1;
    private long _publishedStores = -1;

    protected override Task TickAsync(bool all)
    {
        if (!AnyoneListens)
        {
            return Task.CompletedTask;
        }

        var (lastSecond, counts) = events.ReadOwn(all ? AcceptedEventRate.HistorySeconds : RecentSeconds);
        var own = outcomes.ReadOwn();
        var outcomesNow = own.Sum(o => o.Presented + o.Accepted + o.Dismissed);
        var storesNow = presence.Changes;
        var stores = all || storesNow != _publishedStores ? presence.ReadOwn() : null;
        if (all || stores is not null || outcomesNow != _publishedOutcomes || counts.Any(count => count > 0))
        {
            Publish(JsonSerializer.Serialize(new OverviewShare(lastSecond, counts, own, stores), JsonSerializerOptions.Web));
            _publishedOutcomes = outcomesNow;
            _publishedStores = storesNow;
        }

        return Task.CompletedTask;
    }

    protected override void Heard(NodeMessage message)
    {
        try
        {
            if (JsonSerializer.Deserialize<OverviewShare>(message.Payload, JsonSerializerOptions.Web) is { Events: not null, Outcomes: not null } share)
            {
                events.ReportElsewhere(message.SenderNodeId, share.LastSecond, share.Events);
                outcomes.ReportElsewhere(message.SenderNodeId, share.Outcomes);
                if (share.Stores is { } stores)
                {
                    presence.ReportElsewhere(message.SenderNodeId, stores);
                }
            }
        }
        catch (JsonException exception)
        {
            LogUnreadable(exception, message.SenderNodeId);
        }
    }

    protected override void Gone(string node)
    {
        events.ForgetElsewhere(node);
        outcomes.ReportElsewhere(node, null);
        presence.ReportElsewhere(node, null);
    }

    protected override void TickFailed(Exception exception) => LogShareFailed(exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending this node's overview figures to the others failed")]
    private partial void LogShareFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Overview figures from node {NodeId} could not be read")]
    private partial void LogUnreadable(Exception exception, string nodeId);
}
