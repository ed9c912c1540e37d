using CustomerEngine.Engagement.Learning;
using CustomerEngine.Grains.Nodes;
using CustomerEngine.Grains.Runtime;
using CustomerEngine.Storage.Notifications;

namespace CustomerEngine.Grains.Engagement;

/// <summary>
/// Stores the engine-wide engagement state; version-checked like every grain state. On a store
/// several nodes share, each node saves what it learned under <c>propensity@{nodeId}</c>, apart from
/// the catalog, so that neither a node's learning nor a catalog change refuses another's write.
/// </summary>
public sealed class EngagementStateGrain(IGrainContext context, IPersistentStateFactory states, INodeNotifications nodes, NodePeers peers) : Grain, IEngagementStateGrain
{
    private const string LearningName = "propensity";

    private readonly IPersistentState<EngagementStoreState> _state = states.Create<EngagementStoreState>(context, "engagement");
    private readonly NodeOwnedStates _nodeLearning = new(states, context, nodes, LearningName);

    // Alone on its store a node keeps its propensities in the one state, as it always did.
    private readonly IPersistentState<EngagementStoreState>? _learned =
        nodes.IsShared ? states.Create<EngagementStoreState>(context, NodeOwnedName.ForThisNode(LearningName, nodes)) : null;

    /// <inheritdoc />
    public Task<string?> GetCatalogJsonAsync() => Task.FromResult(_state.State.CatalogJson);

    /// <inheritdoc />
    public async Task<string?> RefreshCatalogAsync()
    {
        await _state.ReadStateAsync();
        return _state.State.CatalogJson;
    }

    /// <inheritdoc />
    public async Task SaveCatalogAsync(string catalogJson)
    {
        _state.State.CatalogJson = catalogJson;
        await _state.WriteStateAsync();
        if (nodes.IsShared)
        {
            // The caller put it in force here; the other nodes read it from the store.
            nodes.Publish(EngagementCatalogRelay.Topic, "changed");
        }
    }

    /// <inheritdoc />
    public Task<PropensitySnapshot?> GetPropensityAsync() => Task.FromResult((_learned ?? _state).State.Propensity);

    /// <inheritdoc />
    public async Task SavePropensityAsync(PropensitySnapshot snapshot)
    {
        var learned = _learned ?? _state;
        learned.State.Propensity = snapshot;
        await learned.WriteStateAsync();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, PropensitySnapshot>> GetOtherPropensitiesAsync()
    {
        var others = new Dictionary<string, PropensitySnapshot>(StringComparer.Ordinal);
        if (_learned is null)
        {
            return others;
        }

        if (_state.State.Propensity is { } unowned)
        {
            others[string.Empty] = unowned;
        }

        foreach (var (node, theirs) in await _nodeLearning.ReadOthersAsync<EngagementStoreState>())
        {
            if (theirs.Propensity is { } learned)
            {
                others[node] = learned;
            }
        }

        return others;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, PropensitySnapshot>> TakeOverPropensitiesAsync()
    {
        var taken = new Dictionary<string, PropensitySnapshot>(StringComparer.Ordinal);
        if (_learned is null)
        {
            return taken;
        }

        // Saved before the store was shared: no node owns it.
        if (_state.State.Propensity is { } unowned)
        {
            _state.State.Propensity = null;
            await _state.WriteStateAsync();
            taken[string.Empty] = unowned;
        }

        foreach (var (node, theirs) in await _nodeLearning.ClaimGoneAsync<EngagementStoreState>(peers))
        {
            if (theirs.Propensity is { } learned)
            {
                taken[node] = learned;
            }
        }

        return taken;
    }
}
