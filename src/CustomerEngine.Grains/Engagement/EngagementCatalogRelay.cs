using CustomerEngine.Engagement.Actions;
using CustomerEngine.Grains.Nodes;
using CustomerEngine.Grains.Runtime;
using CustomerEngine.Storage.Notifications;
using Microsoft.Extensions.Logging;

namespace CustomerEngine.Grains.Engagement;

/// <summary>
/// Puts a catalog stored by another node sharing the store in force on this one too, as stored,
/// version included: the engagement state grain announces each catalog it stores on <see cref="Topic"/>.
/// </summary>
internal sealed partial class EngagementCatalogRelay(INodeNotifications nodes, SuggestionEngine engine, IGrainFactory grains, ILogger<EngagementCatalogRelay> logger)
    : NodeTopicRelay(nodes, Topic)
{
    /// <summary>The topic on which a node says it put a new catalog in force.</summary>
    public const string Topic = "engagement.catalog";

    protected override async Task HandleAsync(NodeMessage message)
    {
        if (await grains.GetGrain<IEngagementStateGrain>(IEngagementStateGrain.Key).RefreshCatalogAsync() is { } json
            && ActionCatalogJson.Parse(json).Catalog is { } changed)
        {
            engine.Catalog.Restore(changed);
        }
    }

    protected override void HandlingFailed(Exception exception, NodeMessage message) => LogCatalogFailed(exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A catalog put in force on another node could not be read here")]
    private partial void LogCatalogFailed(Exception exception);
}
