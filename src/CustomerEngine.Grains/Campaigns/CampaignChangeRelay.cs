using CustomerEngine.Grains.Nodes;
using CustomerEngine.Grains.Runtime;
using CustomerEngine.Storage.Notifications;
using Microsoft.Extensions.Logging;

namespace CustomerEngine.Grains.Campaigns;

/// <summary>
/// Puts a campaign changed on another node sharing the store in force on this one as well, so a
/// marketer's change applies to the next decision of every customer wherever it is served. The
/// campaign grain publishes its id after each change; here it is read again from the store.
/// </summary>
internal sealed partial class CampaignChangeRelay(INodeNotifications nodes, IGrainFactory grains, ILogger<CampaignChangeRelay> logger)
    : NodeTopicRelay(nodes, Topic)
{
    /// <summary>The topic a changed campaign's id is published on.</summary>
    public const string Topic = "campaigns.changed";

    protected override async Task HandleAsync(NodeMessage message)
    {
        // A campaign new to this node is also new to its list of campaigns.
        await grains.GetGrain<ICampaignDirectoryGrain>(ICampaignDirectoryGrain.Key).RefreshAsync();
        await grains.GetGrain<ICampaignGrain>(message.Payload).RefreshAsync();
    }

    protected override void HandlingFailed(Exception exception, NodeMessage message) => LogRefreshFailed(exception, message.Payload);

    [LoggerMessage(Level = LogLevel.Error, Message = "Campaign {CampaignId} changed on another node but could not be read again here")]
    private partial void LogRefreshFailed(Exception exception, string campaignId);
}
