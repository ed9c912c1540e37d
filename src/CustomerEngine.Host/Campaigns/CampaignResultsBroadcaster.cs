using CustomerEngine.Grains.Campaigns;
using CustomerEngine.Host.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Host.Campaigns;

/// <summary>
/// Pushes <c>CampaignResultsUpdated</c> to each watched campaign's group when its counts changed,
/// at most once per <see cref="CampaignApiOptions.ResultsPushInterval"/> per campaign.
/// </summary>
public sealed partial class CampaignResultsBroadcaster(
    IHubContext<EngagementHub, IEngagementClient> hub,
    ActiveCampaigns campaigns,
    DashboardAudience audience,
    TimeProvider clock,
    IOptions<CampaignApiOptions> options,
    ILogger<CampaignResultsBroadcaster> logger) : BackgroundService
{
    private readonly Dictionary<string, long> _pushed = new(StringComparer.Ordinal);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var ticks = new PeriodicTimer(options.Value.ResultsPushInterval, clock);
        try
        {
            while (await ticks.WaitForNextTickAsync(stoppingToken))
            {
                await PushChangedAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task PushChangedAsync()
    {
        foreach (var group in audience.Watched)
        {
            if (EngagementGroups.CampaignOf(group) is not { } id || campaigns.Find(id) is not { } campaign)
            {
                continue;
            }

            var changes = campaign.ResultsChanges;
            if (_pushed.TryGetValue(id, out var pushed) && pushed == changes)
            {
                continue;
            }

            try
            {
                await hub.Clients.Group(EngagementGroups.Campaign(id)).CampaignResultsUpdated(campaign.Results(clock.GetUtcNow()));
                _pushed[id] = changes;
            }
            catch (Exception exception)
            {
                // One failed push must not end the pushes; the next tick tries again.
                LogPushFailed(exception, id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing the results of campaign {CampaignId} failed")]
    private partial void LogPushFailed(Exception exception, string campaignId);
}
