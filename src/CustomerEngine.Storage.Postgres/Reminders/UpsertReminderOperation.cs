using CustomerEngine.Grains.Runtime.Reminders;
using CustomerEngine.Storage.Postgres.Writing;
using Npgsql;
using NpgsqlTypes;

namespace CustomerEngine.Storage.Postgres.Reminders;

/// <summary>Creates a reminder or replaces the due time and period of the one with the same grain and name.</summary>
internal sealed class UpsertReminderOperation(ReminderEntry entry, CancellationToken cancellationToken) : WriteOperation<int>(cancellationToken)
{
    private const string UpsertSql = """
        INSERT INTO reminders (grain_type, grain_key, name, due_at, period_ticks)
        VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (grain_type, grain_key, name) DO UPDATE SET due_at = excluded.due_at, period_ticks = excluded.period_ticks
        RETURNING 1
        """;

    public override NpgsqlBatchCommand CreateCommand() => new(UpsertSql)
    {
        Parameters =
        {
            new NpgsqlParameter<string> { TypedValue = entry.GrainType },
            new NpgsqlParameter<string> { TypedValue = entry.Key },
            new NpgsqlParameter<string> { TypedValue = entry.Name },
            new NpgsqlParameter<DateTime> { TypedValue = entry.DueAt.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz },
            new NpgsqlParameter<long> { TypedValue = entry.Period.Ticks },
        },
    };

    public override async ValueTask ReadResultAsync(NpgsqlDataReader result)
    {
        await result.ReadAsync().ConfigureAwait(false);
        Succeed(1);
    }
}
