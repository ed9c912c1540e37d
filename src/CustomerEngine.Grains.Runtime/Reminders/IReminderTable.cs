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

    /// <summary>
    /// Moves <paramref name="entry"/> to <paramref name="leaseUntil"/> if it is still stored exactly as
    /// given, and says whether it did. Runtimes sharing the table (nodes over one database) claim a
    /// due reminder before delivering it, so only one of them delivers each firing; a runtime that
    /// dies after claiming leaves the reminder due again at <paramref name="leaseUntil"/>.
    /// </summary>
    /// <returns><see langword="true"/> when this caller moved the entry; <see langword="false"/> when it had already changed or gone.</returns>
    Task<bool> TryClaimAsync(ReminderEntry entry, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default);

    /// <summary>All reminders of one grain.</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadForGrainAsync(string grainType, string key, CancellationToken cancellationToken = default);
}
