using CustomerEngine.Engagement.Learning;
using CustomerEngine.Grains.Runtime;

namespace CustomerEngine.Grains.Engagement;

/// <summary>Stores the engine-wide engagement state; version-checked like every grain state.</summary>
public sealed class EngagementStateGrain(IGrainContext context, IPersistentStateFactory states) : Grain, IEngagementStateGrain
{
    private readonly IPersistentState<EngagementStoreState> _state = states.Create<EngagementStoreState>(context, "engagement");

    /// <inheritdoc />
    public Task<string?> GetCatalogJsonAsync() => Task.FromResult(_state.State.CatalogJson);

    /// <inheritdoc />
    public async Task SaveCatalogAsync(string catalogJson)
    {
        _state.State.CatalogJson = catalogJson;
        await _state.WriteStateAsync();
    }

    /// <inheritdoc />
    public Task<PropensitySnapshot?> GetPropensityAsync() => Task.FromResult(_state.State.Propensity);

    /// <inheritdoc />
    public async Task SavePropensityAsync(PropensitySnapshot snapshot)
    {
        _state.State.Propensity = snapshot;
        await _state.WriteStateAsync();
    }
}
