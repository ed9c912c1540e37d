using System.Text.Json;
using CustomerEngine.Engagement.Learning;
using CustomerEngine.Grains.Nodes;
using CustomerEngine.Grains.Runtime;
using CustomerEngine.Storage.Notifications;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Grains.Engagement;

/// <summary>
/// Keeps the nodes sharing the store on one body of learning. Each node learns from the outcomes
/// its staff record; every <see cref="EngagementOptions.LearningSaveInterval"/> it tells the others
/// its counts when they changed (<see cref="Topic"/>), and every decision weighs them with its own
/// (<see cref="PropensityModel.SetElsewhere"/>). The learning of a node that leaves is taken over by
/// a node that stays. The catalog has its own relay (<see cref="EngagementCatalogRelay"/>).
/// </summary>
internal sealed partial class EngagementRelay(
    INodeNotifications nodes,
    NodePeers peers,
    SuggestionEngine engine,
    IGrainFactory grains,
    IOptions<EngagementOptions> options,
    TimeProvider clock,
    ILogger<EngagementRelay> logger) : NodeShareRelay(nodes, peers, clock, Topic, options.Value.LearningSaveInterval)
{
    /// <summary>The topic a node's learned counts are published on.</summary>
    public const string Topic = "engagement.learning";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, IReadOnlyList<PropensityCounts>> _elsewhere = new(StringComparer.Ordinal);
    private long _published = -1;
    private volatile bool _takeOver;

    private IEngagementStateGrain Store => grains.GetGrain<IEngagementStateGrain>(IEngagementStateGrain.Key);

    protected override async Task StartingAsync(CancellationToken stoppingToken)
    {
        try
        {
            foreach (var (node, snapshot) in await Store.GetOtherPropensitiesAsync())
            {
                Set(node, snapshot.Counts);
            }
        }
        catch (Exception exception)
        {
            LogLearningFailed(exception);
        }
    }

    protected override async Task TickAsync(bool all)
    {
        if (_takeOver)
        {
            _takeOver = false;
            try
            {
                await EngagementLifetime.TakeOverAsync(engine, Store);
            }
            catch
            {
                _takeOver = true;
                throw;
            }
        }

        var changes = engine.Propensity.Changes;
        if ((changes != _published || all) && AnyoneListens)
        {
            Publish(JsonSerializer.Serialize(engine.Propensity.Snapshot().Counts, Json));
            _published = changes;
        }
    }

    protected override void Heard(NodeMessage message)
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

    protected override void Gone(string node)
    {
        Set(node, null);
        _takeOver = true;
    }

    protected override void TickFailed(Exception exception) => LogLearningFailed(exception);

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Learned propensities from node {NodeId} could not be read")]
    private partial void LogUnreadable(Exception exception, string nodeId);
}
