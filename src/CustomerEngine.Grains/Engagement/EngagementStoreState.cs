using CustomerEngine.Engagement.Learning;

namespace CustomerEngine.Grains.Engagement;

/// <summary>The stored form of the engine-wide engagement state.</summary>
public sealed class EngagementStoreState
{
    /// <summary>The catalog last put in force, as JSON.</summary>
    public string? CatalogJson { get; set; }

    /// <summary>The propensities last saved.</summary>
    public PropensitySnapshot? Propensity { get; set; }
}
