using CustomerEngine.Grains.Runtime;

namespace CustomerEngine.Grains.Maintenance;

/// <summary>
/// Engine-wide periodic work, driven by durable reminders so it continues across restarts: the
/// lifecycle sweep (time-driven stage changes with no new event) and the value ranking of the
/// whole customer base (RFM quintiles and tiers).
/// </summary>
public interface IEngineMaintenanceGrain : IRemindable
{
    /// <summary>The key of the single maintenance grain.</summary>
    const string Key = "engine";

    /// <summary>Registers the reminders with the configured intervals.</summary>
    Task ScheduleAsync();

    /// <summary>Brings every customer with a due time-driven transition up to now; returns how many were touched.</summary>
    Task<int> SweepLifecycleAsync();

    /// <summary>Ranks the whole base and reassigns tiers; returns how many customers were ranked.</summary>
    Task<int> RankValueAsync();

    /// <summary>
    /// Computes this node's RFM quintiles and lifetime-value tiers from the index as it stands,
    /// writing nothing: another node sharing the store ranked the base (<see cref="Value.ValueSnapshotRelay"/>).
    /// </summary>
    Task RefreshValueDistributionAsync();
}
