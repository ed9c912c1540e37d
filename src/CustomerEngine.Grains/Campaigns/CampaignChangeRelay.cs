using CustomerEngine.Grains.Runtime;
using CustomerEngine.Storage.Notifications;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CustomerEngine.Grains.Campaigns;

/// <summary>
/// Puts a campaign changed on another node sharing the store in force on this one as well, so a
/// marketer's change applies to the next decision of every customer wherever it is served. The
/// campaign grain publishes its id after each change; here it is read again from the store.
/// </summary>
internal sealed partial class CampaignChangeRelay(INodeNotifications nodes, IGrainFactory grains, ILogger<CampaignChangeRelay> logger) : IHostedService, IDisposable
{
    /// <summary>The topic a changed campaign's id is published on.</summary>
    public const string Topic = "campaigns.changed";

    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (nodes.IsShared)
        {
            _subscription = nodes.Subscribe(Topic, message => _ = RefreshAsync(message.Payload));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _subscription?.Dispose();

    private async Task RefreshAsync(string campaignId)
    {
        try
        {
            // A campaign new to this node is also new to its list of campaigns.
            await grains.GetGrain<ICampaignDirectoryGrain>(ICampaignDirectoryGrain.Key).RefreshAsync();
            await grains.GetGrain<ICampaignGrain>(campaignId).RefreshAsync();
        }
        catch (Exception exception)
        {
            LogRefreshFailed(exception, campaignId);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Campaign {CampaignId} changed on another node but could not be read again here")]
    private partial void LogRefreshFailed(Exception exception, string campaignId);
}
