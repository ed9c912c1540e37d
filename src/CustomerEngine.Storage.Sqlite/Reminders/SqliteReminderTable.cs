using CustomerEngine.Grains.Runtime.Reminders;
using CustomerEngine.Storage.Sqlite.ColumnFormats;
using CustomerEngine.Storage.Sqlite.Connections;
using Microsoft.Data.Sqlite;

namespace CustomerEngine.Storage.Sqlite.Reminders;

/// <summary>The reminder table on the <c>reminders</c> table.</summary>
internal sealed class SqliteReminderTable(SqliteDatabase database) : IReminderTable
{
    private const string DueSql = """
        SELECT grain_type, grain_key, name, due_at, period_ticks FROM reminders
        WHERE due_at <= $until
        ORDER BY due_at, grain_type, grain_key, name
        LIMIT $limit;
        """;

    private const string ForGrainSql = """
        SELECT grain_type, grain_key, name, due_at, period_ticks FROM reminders
        WHERE grain_type = $grain_type AND grain_key = $grain_key
        ORDER BY name;
        """;

    public Task UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrEmpty(entry.GrainType, nameof(entry));
        ArgumentException.ThrowIfNullOrEmpty(entry.Key, nameof(entry));
        ArgumentException.ThrowIfNullOrEmpty(entry.Name, nameof(entry));
        cancellationToken.ThrowIfCancellationRequested();
        return database.Writer.SubmitAsync(new UpsertReminderOperation(entry, cancellationToken));
    }

    public Task RemoveAsync(string grainType, string key, string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(grainType);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentException.ThrowIfNullOrEmpty(name);
        cancellationToken.ThrowIfCancellationRequested();
        return database.Writer.SubmitAsync(new RemoveReminderOperation(grainType, key, name, cancellationToken));
    }

    public Task<bool> TryClaimAsync(ReminderEntry entry, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        return database.Writer.SubmitAsync(new ClaimReminderOperation(entry, leaseUntil, cancellationToken));
    }

    public async Task<IReadOnlyList<ReminderEntry>> ReadDueAsync(DateTimeOffset until, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        cancellationToken.ThrowIfCancellationRequested();
        if (limit == 0)
        {
            return [];
        }

        using var lease = database.RentReader();
        var due = lease.Statements.Get(DueSql, "$until", "$limit");
        due.Parameters[0].Value = StoredInstant.ToColumn(until);
        due.Parameters[1].Value = limit;
        return await ReadEntriesAsync(due, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ReminderEntry>> ReadForGrainAsync(string grainType, string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(grainType);
        ArgumentException.ThrowIfNullOrEmpty(key);
        cancellationToken.ThrowIfCancellationRequested();

        using var lease = database.RentReader();
        var forGrain = lease.Statements.Get(ForGrainSql, "$grain_type", "$grain_key");
        forGrain.Parameters[0].Value = grainType;
        forGrain.Parameters[1].Value = key;
        return await ReadEntriesAsync(forGrain, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<ReminderEntry>> ReadEntriesAsync(SqliteCommand select, CancellationToken cancellationToken)
    {
        var entries = new List<ReminderEntry>();
        using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new ReminderEntry(
                GrainType: reader.GetString(0),
                Key: reader.GetString(1),
                Name: reader.GetString(2),
                DueAt: StoredInstant.FromColumn(reader.GetInt64(3)),
                Period: TimeSpan.FromTicks(reader.GetInt64(4))));
        }

        return entries;
    }
}
