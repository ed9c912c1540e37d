using CustomerEngine.Grains.Maintenance;
using CustomerEngine.Grains.Nodes;
using CustomerEngine.Grains.Runtime;
using CustomerEngine.Grains.ValueModelFitting;
using CustomerEngine.Storage.Notifications;
using Microsoft.Extensions.Logging;

namespace CustomerEngine.Grains.Value;

/// <summary>
/// Keeps the value snapshots of every node sharing the store current. A value-model fit and a
/// value ranking run on one node (each firing of their reminders is claimed by one); that node
/// says so, and here the others read the fit again or compute the quintiles and lifetime-value
/// tiers from the index, in the order the messages came, without writing anything.
/// </summary>
internal sealed partial class ValueSnapshotRelay(INodeNotifications nodes, IGrainFactory grains, ILogger<ValueSnapshotRelay> logger)
    : NodeTopicRelay(nodes, Topic)
{
    /// <summary>The topic of value changes.</summary>
    public const string Topic = "values.changed";

    /// <summary>A new value-model fit is stored.</summary>
    public const string Fitted = "fitted";

    /// <summary>The base was ranked again.</summary>
    public const string Ranked = "ranked";

    protected override async Task HandleAsync(NodeMessage message)
    {
        // A fit is always followed by a ranking on the node that fitted (the job re-ranks by
        // lifetime value), whose own notice refreshes the tiers here: reading the whole index
        // for the fit as well would do that work twice.
        if (message.Payload == Fitted)
        {
            await grains.GetGrain<IValueModelGrain>(IValueModelGrain.Key).RefreshAsync();
        }
        else
        {
            await grains.GetGrain<IEngineMaintenanceGrain>(IEngineMaintenanceGrain.Key).RefreshValueDistributionAsync();
        }
    }

    protected override void HandlingFailed(Exception exception, NodeMessage message) => LogRefreshFailed(exception, message.Payload);

    [LoggerMessage(Level = LogLevel.Error, Message = "Another node's value change ({Change}) could not be taken up here")]
    private partial void LogRefreshFailed(Exception exception, string change);
}
