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

    /// <summary>Stores the catalog JSON.</summary>
    Task SaveCatalogAsync(string catalogJson);

    /// <summary>The stored propensities, or null.</summary>
    Task<PropensitySnapshot?> GetPropensityAsync();

    /// <summary>Stores the propensities.</summary>
    Task SavePropensityAsync(PropensitySnapshot snapshot);
}
