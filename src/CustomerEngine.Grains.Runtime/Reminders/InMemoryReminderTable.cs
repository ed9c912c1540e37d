using System.Collections.Concurrent;

namespace CustomerEngine.Grains.Runtime.Reminders;

/// <summary>
/// An <see cref="IReminderTable"/> in process memory. Share one instance between runtimes to simulate
/// a restart over a durable table; contents die with the process.
/// </summary>
public sealed class InMemoryReminderTable : IReminderTable
{
    private readonly ConcurrentDictionary<(string GrainType, string Key, string Name), ReminderEntry> _entries = new();

    /// <summary>Number of stored reminders.</summary>
    public int Count => _entries.Count;

    /// <inheritdoc />
    public Task UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        _entries[(entry.GrainType, entry.Key, entry.Name)] = entry;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task RemoveAsync(string grainType, string key, string name, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _entries.TryRemove((grainType, key, name), out _);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ReadDueAsync(DateTimeOffset until, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<ReminderEntry> due = _entries.Values
            .Where(entry => entry.DueAt <= until)
            .OrderBy(entry => entry.DueAt)
            .Take(limit)
            .ToList();
        return Task.FromResult(due);
    }

    /// <inheritdoc />
    public Task<bool> TryClaimAsync(ReminderEntry entry, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_entries.TryUpdate((entry.GrainType, entry.Key, entry.Name), entry with { DueAt = leaseUntil }, entry));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ReadForGrainAsync(string grainType, string key, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<ReminderEntry> entries = _entries.Values
            .Where(entry => entry.GrainType == grainType && entry.Key == key)
            .OrderBy(entry => entry.Name, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(entries);
    }
}
