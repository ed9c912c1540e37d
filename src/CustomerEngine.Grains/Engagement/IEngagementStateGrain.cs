using CustomerEngine.Engagement.Learning;
using CustomerEngine.Grains.Runtime;

namespace CustomerEngine.Grains.Engagement;

/// <summary>Keeps the engine-wide engagement state durable: the action catalog and the learned propensities.</summary>
public interface IEngagementStateGrain : IGrain
{
    /// <summary>The one key of this grain.</summary>
    const string Key = "engine";

    /// <summary>The stored catalog JSON, or null when none was ever stored.</summary>
    Task<string?> GetCatalogJsonAsync();

    /// <summary>Stores the catalog JSON (put in force on this node), and tells the other nodes sharing the store to read it.</summary>
    Task SaveCatalogAsync(string catalogJson);

    /// <summary>Reads the catalog JSON again from the store (another node stored a new one).</summary>
    Task<string?> RefreshCatalogAsync();

    /// <summary>What this node saved of its learned propensities, or null.</summary>
    Task<PropensitySnapshot?> GetPropensityAsync();

    /// <summary>Stores what this node learned.</summary>
    Task SavePropensityAsync(PropensitySnapshot snapshot);

    /// <summary>
    /// What the other nodes sharing the store saved of their learning, by node (an empty id for
    /// what was saved before the store was shared); none on a store no other node can share.
    /// </summary>
    Task<IReadOnlyDictionary<string, PropensitySnapshot>> GetOtherPropensitiesAsync();

    /// <summary>
    /// Removes the saved learning of nodes that are gone (and that saved before the store was
    /// shared) and returns it by node, for the caller to make its own and save.
    /// </summary>
    Task<IReadOnlyDictionary<string, PropensitySnapshot>> TakeOverPropensitiesAsync();
}
