using CustomerEngine.Grains.Runtime.Reminders;
using CustomerEngine.Storage.Postgres.Connections;
using Npgsql;
using NpgsqlTypes;

namespace CustomerEngine.Storage.Postgres.Reminders;

/// <summary>The reminder table on the <c>reminders</c> table.</summary>
internal sealed class PostgresReminderTable(PostgresDatabase database) : IReminderTable
{
    // Read straight from reminders_due_in_order (migration 0002): the first $2 entries, no sort.
    private const string DueSql = """
        SELECT grain_type, grain_key, name, due_at, period_ticks FROM reminders
        WHERE due_at <= $1
        ORDER BY due_at, grain_type, grain_key, name
        LIMIT $2
        """;

    private const string ForGrainSql = """
        SELECT grain_type, grain_key, name, due_at, period_ticks FROM reminders
        WHERE grain_type = $1 AND grain_key = $2
        ORDER BY name
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

        return await database.ReadAsync(
            DueSql,
            parameters =>
            {
                parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = until.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
                parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
            },
            due => ReadEntriesAsync(due, cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ReminderEntry>> ReadForGrainAsync(string grainType, string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(grainType);
        ArgumentException.ThrowIfNullOrEmpty(key);
        cancellationToken.ThrowIfCancellationRequested();
        return await database.ReadAsync(
            ForGrainSql,
            parameters =>
            {
                parameters.Add(new NpgsqlParameter<string> { TypedValue = grainType });
                parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
            },
            forGrain => ReadEntriesAsync(forGrain, cancellationToken)).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<ReminderEntry>> ReadEntriesAsync(NpgsqlCommand select, CancellationToken cancellationToken)
    {
        var entries = new List<ReminderEntry>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new ReminderEntry(
                GrainType: reader.GetString(0),
                Key: reader.GetString(1),
                Name: reader.GetString(2),
                DueAt: reader.GetFieldValue<DateTimeOffset>(3),
                Period: TimeSpan.FromTicks(reader.GetInt64(4))));
        }

        return entries;
    }
}
