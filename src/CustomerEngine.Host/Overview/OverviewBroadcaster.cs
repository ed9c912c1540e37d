using CustomerEngine.Host.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Host.Overview;

/// <summary>
/// Pushes <c>OverviewUpdated</c> to the overview group every <see cref="OverviewOptions.PushInterval"/>
/// of the engine's clock, and builds no snapshot while nobody is watching.
/// </summary>
public sealed partial class OverviewBroadcaster(
    IHubContext<EngagementHub, IEngagementClient> hub,
    OverviewSnapshotReader snapshots,
    DashboardAudience audience,
    TimeProvider clock,
    IOptions<OverviewOptions> options,
    ILogger<OverviewBroadcaster> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var ticks = new PeriodicTimer(options.Value.PushInterval, clock);
        try
        {
            while (await ticks.WaitForNextTickAsync(stoppingToken))
            {
                if (audience.Watches(EngagementGroups.Overview))
                {
                    await PushAsync(stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task PushAsync(CancellationToken stoppingToken)
    {
        try
        {
            var snapshot = await snapshots.ReadAsync(stoppingToken);
            await hub.Clients.Group(EngagementGroups.Overview).OverviewUpdated(snapshot);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // One failed tick (a busy store, a broken connection) must not end the pushes; the
            // next tick tries again with a fresh snapshot.
            LogPushFailed(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing the overview failed")]
    private partial void LogPushFailed(Exception exception);
}
