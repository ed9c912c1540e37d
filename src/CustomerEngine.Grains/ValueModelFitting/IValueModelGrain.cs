using CustomerEngine.Grains.Runtime;

namespace CustomerEngine.Grains.ValueModelFitting;

/// <summary>
/// Keeps the current value-model fit durably and in <see cref="Value.ValueModelSnapshot"/>, and starts the
/// scheduled fits from a durable reminder.
/// </summary>
public interface IValueModelGrain : IRemindable
{
    /// <summary>The key of the single value-model grain.</summary>
    const string Key = "engine";

    /// <summary>Loads the current fit into the snapshot and registers (or removes) the scheduled fit.</summary>
    /// <returns>Whether a fit exists.</returns>
    Task<bool> ScheduleAsync();

    /// <summary>The current fit, or null before the first successful one.</summary>
    Task<ClvFit?> GetCurrentAsync();

    /// <summary>Makes <paramref name="fit"/> the current fit: stores it, then puts it in the snapshot, here and on the other nodes sharing the store.</summary>
    Task PublishAsync(ClvFit fit);

    /// <summary>Reads the current fit again from the store and puts it in the snapshot: another node fitted one.</summary>
    Task RefreshAsync();
}
