using System.Threading.Channels;
using CustomerEngine.Grains.Maintenance;
using CustomerEngine.Grains.Runtime;
using CustomerEngine.Grains.ValueModelFitting;
using CustomerEngine.Storage.Notifications;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CustomerEngine.Grains.Value;

/// <summary>
/// Keeps the value snapshots of every node sharing the store current. A value-model fit and a
/// value ranking run on one node (each firing of their reminders is claimed by one); that node
/// says so, and here the others read the fit again or compute the quintiles and lifetime-value
/// tiers from the index, in the order the messages came, without writing anything.
/// </summary>
public sealed partial class ValueSnapshotRelay(INodeNotifications nodes, IGrainFactory grains, ILogger<ValueSnapshotRelay> logger) : BackgroundService
{
    /// <summary>The topic of value changes.</summary>
    public const string Topic = "values.changed";

    /// <summary>A new value-model fit is stored.</summary>
    public const string Fitted = "fitted";

    /// <summary>The base was ranked again.</summary>
    public const string Ranked = "ranked";

    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!nodes.IsShared)
        {
            return;
        }

        using var subscription = nodes.Subscribe(Topic, message => _changes.Writer.TryWrite(message.Payload));
        try
        {
            await foreach (var change in _changes.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    // A fit is always followed by a ranking on the node that fitted (the job re-ranks by
                    // lifetime value), whose own notice refreshes the tiers here: reading the whole index
                    // for the fit as well would do that work twice.
                    if (change == Fitted)
                    {
                        await grains.GetGrain<IValueModelGrain>(IValueModelGrain.Key).RefreshAsync();
                    }
                    else
                    {
                        await grains.GetGrain<IEngineMaintenanceGrain>(IEngineMaintenanceGrain.Key).RefreshValueDistributionAsync();
                    }
                }
                catch (Exception exception)
                {
                    LogRefreshFailed(exception, change);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Another node's value change ({Change}) could not be taken up here")]
    private partial void LogRefreshFailed(Exception exception, string change);
}
