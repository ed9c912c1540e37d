namespace CustomerEngine.Grains.Runtime.Reminders;

/// <summary>
/// Durable table of reminders. The runtime polls it for due reminders, so reminders survive
/// restarts of the process.
/// </summary>
public interface IReminderTable
{
    /// <summary>Creates or replaces the reminder identified by grain type, key and name.</summary>
    Task UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Removes a reminder; removing one that does not exist is not an error.</summary>
    Task RemoveAsync(string grainType, string key, string name, CancellationToken cancellationToken = default);

    /// <summary>Reminders whose <see cref="ReminderEntry.DueAt"/> is at or before <paramref name="until"/>, earliest first.</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadDueAsync(DateTimeOffset until, int limit, CancellationToken cancellationToken = default);

    /// <summary>All reminders of one grain.</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadForGrainAsync(string grainType, string key, CancellationToken cancellationToken = default);
}
