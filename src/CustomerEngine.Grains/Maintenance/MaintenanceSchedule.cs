using CustomerEngine.Grains.Runtime;
using Microsoft.Extensions.Hosting;

namespace CustomerEngine.Grains.Maintenance;

/// <summary>At start-up, makes sure the maintenance reminders exist and ranks the base once, so tiers are right from the first request.</summary>
public sealed class MaintenanceSchedule(IGrainFactory grains) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var maintenance = grains.GetGrain<IEngineMaintenanceGrain>(IEngineMaintenanceGrain.Key);
        await maintenance.ScheduleAsync();
        await maintenance.RankValueAsync();
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
