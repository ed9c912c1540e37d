using CustomerEngine.Engagement.Actions;
using CustomerEngine.Grains.Runtime;
using CustomerEngine.Storage.Notifications;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Grains.Engagement;

/// <summary>
/// Loads the catalog and the learned propensities at start-up, saves the propensities on a timer
/// and on the way out. Registered after the grain runtime, so it starts after it and stops before it.
/// </summary>
internal sealed class EngagementLifetime(
    SuggestionEngine engine,
    IGrainFactory grains,
    INodeNotifications nodes,
    IOptions<EngagementOptions> options,
    TimeProvider clock,
    ILogger<EngagementLifetime> logger) : IHostedService, IAsyncDisposable
{
    private ITimer? _saver;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var store = grains.GetGrain<IEngagementStateGrain>(IEngagementStateGrain.Key);
        var stored = await store.GetCatalogJsonAsync();
        var source = stored ?? (options.Value.CatalogPath is { } path ? await File.ReadAllTextAsync(path, cancellationToken) : null);
        if (source is not null)
        {
            var parsed = ActionCatalogJson.Parse(source);
            if (parsed.Catalog is { } catalog)
            {
                engine.Catalog.Restore(catalog);
            }
            else
            {
                throw new InvalidOperationException($"The action catalog ({(stored is null ? options.Value.CatalogPath : "stored")}) is invalid: {string.Join("; ", parsed.Errors.Select(e => $"{e.Field}: {e.Message}"))}");
            }
        }

        if (await store.GetPropensityAsync() is { } learned)
        {
            engine.RestoreLearning(learned);
        }

        if (nodes.IsShared)
        {
            // A previous run of this node saved under another id: what it learned is this run's
            // from the first decision. The store's sessions tell that run, gone, from a live node;
            // only the names are listed when no node is gone.
            await TakeOverAsync(engine, store);
        }

        logger.LogInformation("Action catalog version {Version} with {Count} actions", engine.Catalog.Current.Version, engine.Catalog.Current.Actions.Count);
        var interval = options.Value.LearningSaveInterval;
        _saver = clock.CreateTimer(_ => _ = SaveQuietlyAsync(), null, interval, interval);
    }

    /// <summary>Makes the saved learning of gone nodes this node's own, and saves it as this node's.</summary>
    internal static async Task TakeOverAsync(SuggestionEngine engine, IEngagementStateGrain store)
    {
        var taken = await store.TakeOverPropensitiesAsync();
        foreach (var snapshot in taken.Values)
        {
            engine.Propensity.Absorb(snapshot);
        }

        if (taken.Count > 0)
        {
            await store.SavePropensityAsync(engine.Propensity.Snapshot());
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_saver is not null)
        {
            await _saver.DisposeAsync();
        }

        await SaveQuietlyAsync();
    }

    public ValueTask DisposeAsync() => _saver?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task SaveQuietlyAsync()
    {
        try
        {
            await grains.GetGrain<IEngagementStateGrain>(IEngagementStateGrain.Key).SavePropensityAsync(engine.Propensity.Snapshot());
        }
        catch (Exception ex)
        {
            // Learning since the last save is lost only if the process dies before the next one.
            logger.LogWarning(ex, "Saving the learned propensities failed; retrying at the next interval");
        }
    }
}
