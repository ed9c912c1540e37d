using System.Text.Json;
using CustomerEngine.Engagement.Actions;
using CustomerEngine.Engagement.Learning;
using CustomerEngine.Grains.Runtime;
using CustomerEngine.Storage.Notifications;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Grains.Engagement;

/// <summary>
/// Keeps the nodes sharing the store on one catalog and one body of learning. A catalog put in
/// force on one node is read again by the others (<see cref="CatalogTopic"/>). Each node learns
/// from the outcomes its staff record; every <see cref="EngagementOptions.LearningSaveInterval"/>
/// it tells the others its counts when they changed (<see cref="LearningTopic"/>), and every
/// decision weighs them with its own (<see cref="PropensityModel.SetElsewhere"/>). The learning
/// of a node that leaves is taken over by a node that stays.
/// </summary>
internal sealed partial class EngagementRelay(
    INodeNotifications nodes,
    NodePeers peers,
    SuggestionEngine engine,
    IGrainFactory grains,
    IOptions<EngagementOptions> options,
    TimeProvider clock,
    ILogger<EngagementRelay> logger) : BackgroundService
{
    /// <summary>The topic on which a node says it put a new catalog in force.</summary>
    public const string CatalogTopic = "engagement.catalog";

    /// <summary>The topic a node's learned counts are published on.</summary>
    public const string LearningTopic = "engagement.learning";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, IReadOnlyList<PropensityCounts>> _elsewhere = new(StringComparer.Ordinal);
    private volatile bool _republish;
    private volatile bool _takeOver;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!nodes.IsShared)
        {
            return;
        }

        using var catalog = nodes.Subscribe(CatalogTopic, _ => ReloadCatalog());
        using var learning = nodes.Subscribe(LearningTopic, Heard);
        peers.Joined += _ => _republish = true;
        peers.Left += Gone;
        var store = grains.GetGrain<IEngagementStateGrain>(IEngagementStateGrain.Key);
        try
        {
            foreach (var (node, snapshot) in await store.GetOtherPropensitiesAsync())
            {
                Set(node, snapshot.Counts);
            }

            var published = -1L;
            using var ticks = new PeriodicTimer(options.Value.LearningSaveInterval, clock);
            while (await ticks.WaitForNextTickAsync(stoppingToken))
            {
                if (_takeOver)
                {
                    _takeOver = false;
                    await TakeOverAsync(store);
                }

                var changes = engine.Propensity.Changes;
                if ((changes != published || _republish) && peers.Any)
                {
                    _republish = false;
                    nodes.Publish(LearningTopic, JsonSerializer.Serialize(engine.Propensity.Snapshot().Counts, Json));
                    published = changes;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            LogLearningFailed(exception);
        }
        finally
        {
            peers.Left -= Gone;
        }
    }

    private async Task TakeOverAsync(IEngagementStateGrain store)
    {
        try
        {
            await EngagementLifetime.TakeOverAsync(engine, store);
        }
        catch (Exception exception)
        {
            _takeOver = true;
            LogLearningFailed(exception);
        }
    }

    private void ReloadCatalog() => _ = ReloadCatalogAsync();

    private async Task ReloadCatalogAsync()
    {
        try
        {
            if (await grains.GetGrain<IEngagementStateGrain>(IEngagementStateGrain.Key).RefreshCatalogAsync() is { } json
                && ActionCatalogJson.Parse(json).Catalog is { } changed)
            {
                engine.Catalog.Restore(changed);
            }
        }
        catch (Exception exception)
        {
            LogCatalogFailed(exception);
        }
    }

    private void Heard(NodeMessage message)
    {
        try
        {
            if (JsonSerializer.Deserialize<List<PropensityCounts>>(message.Payload, Json) is { } counts)
            {
                Set(message.SenderNodeId, counts);
            }
        }
        catch (JsonException exception)
        {
            LogUnreadable(exception, message.SenderNodeId);
        }
    }

    private void Gone(string node)
    {
        Set(node, null);
        _takeOver = true;
    }

    private void Set(string node, IReadOnlyList<PropensityCounts>? counts)
    {
        lock (_lock)
        {
            if (counts is null)
            {
                _elsewhere.Remove(node);
            }
            else
            {
                _elsewhere[node] = counts;
            }

            engine.Propensity.SetElsewhere(_elsewhere.Values.SelectMany(c => c));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sharing learned propensities with other nodes failed")]
    private partial void LogLearningFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A catalog put in force on another node could not be read here")]
    private partial void LogCatalogFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Learned propensities from node {NodeId} could not be read")]
    private partial void LogUnreadable(Exception exception, string nodeId);
}
