using System.Text.Json;
using CustomerEngine.Grains.Nodes;
using CustomerEngine.Grains.Runtime;
using CustomerEngine.Storage.Notifications;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Grains.Campaigns;

/// <summary>
/// Makes every node sharing the store show a campaign's whole results and spend one budget. Each
/// node counts the customers it serves; every <see cref="CampaignOptions.ResultsSaveInterval"/> it
/// tells the others its changed counts (<see cref="CampaignTotals"/>, on <see cref="Topic"/>), and
/// sets the sum of theirs on each <see cref="LiveCampaign"/> (<see cref="LiveCampaign.SetElsewhere"/>).
/// At start it counts the results the other nodes saved, and it takes over the results of a node
/// that leaves (<see cref="CampaignLifetime"/> took over those of nodes gone before the start).
/// </summary>
internal sealed partial class CampaignResultsRelay(
    INodeNotifications nodes,
    NodePeers peers,
    ActiveCampaigns campaigns,
    IGrainFactory grains,
    IOptions<CampaignOptions> options,
    TimeProvider clock,
    ILogger<CampaignResultsRelay> logger) : NodeShareRelay(nodes, peers, clock, Topic, options.Value.ResultsSaveInterval)
{
    /// <summary>The topic a node's changed counts are published on.</summary>
    public const string Topic = "campaigns.results";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Lock _lock = new();

    // Campaign id → node id → the counts that node reported or saved last.
    private readonly Dictionary<string, Dictionary<string, CampaignTotals>> _elsewhere = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _published = new(StringComparer.Ordinal);
    private volatile bool _takeOver;

    // What nodes that were gone at start saved, CampaignLifetime has already taken over.
    protected override Task StartingAsync(CancellationToken stoppingToken) => ReadSavedAsync();

    protected override async Task TickAsync(bool all)
    {
        if (_takeOver)
        {
            _takeOver = false;
            await TakeOverAsync();
        }

        Publish(all);
    }

    private async Task ReadSavedAsync()
    {
        foreach (var campaign in campaigns.All.ToList())
        {
            try
            {
                foreach (var (node, totals) in await grains.GetGrain<ICampaignGrain>(campaign.Id).GetOtherResultsAsync())
                {
                    Set(campaign.Id, node, totals);
                }
            }
            catch (Exception exception)
            {
                LogReadFailed(exception, campaign.Id);
            }
        }
    }

    private async Task TakeOverAsync()
    {
        foreach (var campaign in campaigns.All.ToList())
        {
            try
            {
                foreach (var node in await grains.GetGrain<ICampaignGrain>(campaign.Id).TakeOverResultsAsync())
                {
                    // Now part of this node's own counts.
                    Set(campaign.Id, node, null);
                }
            }
            catch (Exception exception)
            {
                _takeOver = true;
                LogTakeOverFailed(exception, campaign.Id);
            }
        }
    }

    private void Publish(bool all)
    {
        if (!AnyoneListens)
        {
            return;
        }

        foreach (var campaign in campaigns.All)
        {
            var changes = campaign.Changes;
            if (!all && _published.TryGetValue(campaign.Id, out var published) && published == changes)
            {
                continue;
            }

            Publish(JsonSerializer.Serialize(new TotalsMessage(campaign.Id, campaign.Totals()), Json));
            _published[campaign.Id] = changes;
        }
    }

    protected override void Heard(NodeMessage message)
    {
        TotalsMessage? heard;
        try
        {
            heard = JsonSerializer.Deserialize<TotalsMessage>(message.Payload, Json);
        }
        catch (JsonException exception)
        {
            LogUnreadable(exception, message.SenderNodeId);
            return;
        }

        if (heard is { CampaignId: { } id, Totals: { } totals })
        {
            Set(id, message.SenderNodeId, totals);
        }
    }

    // A node that left is no longer counted here; its saved results count again once taken over.
    protected override void Gone(string node)
    {
        List<string> counted;
        lock (_lock)
        {
            counted = [.. _elsewhere.Keys];
        }

        foreach (var id in counted)
        {
            Set(id, node, null);
        }

        _takeOver = true;
    }

    private void Set(string campaignId, string node, CampaignTotals? totals)
    {
        lock (_lock)
        {
            if (!_elsewhere.TryGetValue(campaignId, out var byNode))
            {
                if (totals is null)
                {
                    return;
                }

                _elsewhere[campaignId] = byNode = new(StringComparer.Ordinal);
            }

            if (totals is null)
            {
                byNode.Remove(node);
            }
            else
            {
                byNode[node] = totals;
            }

            var sum = CampaignTotals.None;
            foreach (var counted in byNode.Values)
            {
                sum = sum.Plus(counted);
            }

            campaigns.Find(campaignId)?.SetElsewhere(sum);
        }
    }

    protected override void TickFailed(Exception exception) => LogShareFailed(exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sharing campaign counts with the other nodes failed")]
    private partial void LogShareFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The results other nodes saved for campaign {CampaignId} could not be read")]
    private partial void LogReadFailed(Exception exception, string campaignId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The results of gone nodes for campaign {CampaignId} could not be taken over; trying again at the next interval")]
    private partial void LogTakeOverFailed(Exception exception, string campaignId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Campaign counts from node {NodeId} could not be read")]
    private partial void LogUnreadable(Exception exception, string nodeId);

    private sealed record TotalsMessage(string? CampaignId, CampaignTotals? Totals);
}
