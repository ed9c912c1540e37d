using CustomerEngine.Grains.Maintenance;
using CustomerEngine.Grains.Runtime;
using Microsoft.Extensions.Hosting;

namespace CustomerEngine.Grains.ValueModelFitting;

/// <summary>
/// At start-up, loads the current fit (so views and tiers use it from the first request) and registers the
/// scheduled fit; when a fit exists, the base is ranked again by lifetime value.
/// </summary>
public sealed class ValueModelSchedule(IGrainFactory grains) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<IValueModelGrain>(IValueModelGrain.Key).ScheduleAsync())
        {
            await grains.GetGrain<IEngineMaintenanceGrain>(IEngineMaintenanceGrain.Key).RankValueAsync();
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
