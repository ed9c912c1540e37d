using CustomerEngine.Grains.Runtime;
using CustomerEngine.Storage.Notifications;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Grains.Campaigns;

/// <summary>
/// Loads every campaign and its stored results into <see cref="ActiveCampaigns"/> at start-up
/// (before traffic, so active campaigns apply from the first decision), writes changed results
/// every <see cref="CampaignOptions.ResultsSaveInterval"/>, and once more on the way out.
/// Registered after the grain runtime, so it starts after it and stops before it.
/// </summary>
internal sealed partial class CampaignLifetime(
    ActiveCampaigns campaigns,
    IGrainFactory grains,
    INodeNotifications nodes,
    IOptions<CampaignOptions> options,
    TimeProvider clock,
    ILogger<CampaignLifetime> logger) : IHostedService, IAsyncDisposable
{
    private readonly Dictionary<string, long> _saved = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _saving = new(1, 1);
    private ITimer? _saver;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var ids = await grains.GetGrain<ICampaignDirectoryGrain>(ICampaignDirectoryGrain.Key).ListAsync();
        foreach (var id in ids)
        {
            var grain = grains.GetGrain<ICampaignGrain>(id);
            if (await grain.GetAsync() is not { } record)
            {
                continue;
            }

            campaigns.Load(record, await grain.GetResultsAsync());
            _saved[id] = campaigns.Find(id)!.Changes;
        }

        if (nodes.IsShared)
        {
            // A previous run of this node saved under another id: its results, and what they hold
            // of each customer for the caps, are this run's before the first decision. The store's
            // sessions tell that run, gone, from a live node.
            foreach (var id in ids)
            {
                await grains.GetGrain<ICampaignGrain>(id).TakeOverResultsAsync();
            }
        }

        LogLoaded(ids.Count, campaigns.Active.Count);
        var interval = options.Value.ResultsSaveInterval;
        _saver = clock.CreateTimer(_ => _ = SaveChangedAsync(), null, interval, interval);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_saver is not null)
        {
            await _saver.DisposeAsync();
        }

        await SaveChangedAsync();
    }

    public ValueTask DisposeAsync() => _saver?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task SaveChangedAsync()
    {
        if (!await _saving.WaitAsync(0))
        {
            return;
        }

        try
        {
            foreach (var campaign in campaigns.All.ToList())
            {
                var changes = campaign.Changes;
                if (_saved.TryGetValue(campaign.Id, out var saved) && saved == changes)
                {
                    continue;
                }

                try
                {
                    await grains.GetGrain<ICampaignGrain>(campaign.Id).SaveResultsAsync(campaign.Snapshot());
                    _saved[campaign.Id] = changes;
                }
                catch (Exception e)
                {
                    // Counts since the last save are lost only if the process dies before the next one.
                    LogSaveFailed(e, campaign.Id);
                }
            }
        }
        finally
        {
            _saving.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} campaigns, {Active} active")]
    private partial void LogLoaded(int count, int active);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Saving the results of campaign {CampaignId} failed; retrying at the next interval")]
    private partial void LogSaveFailed(Exception exception, string campaignId);
}
