using CustomerEngine.Grains.Runtime.Reminders;
using CustomerEngine.Storage.Postgres.Writing;
using Npgsql;
using NpgsqlTypes;

namespace CustomerEngine.Storage.Postgres.Reminders;

/// <summary>
/// Moves a reminder to a new due time only if it is still stored as the caller read it. Two nodes
/// claiming one firing both update the same row; the row lock makes the second re-check the
/// condition against the first's result and find nothing to update.
/// </summary>
internal sealed class ClaimReminderOperation(ReminderEntry entry, DateTimeOffset leaseUntil, CancellationToken cancellationToken) : WriteOperation<bool>(cancellationToken)
{
    private const string ClaimSql = """
        UPDATE reminders SET due_at = $1
        WHERE grain_type = $2 AND grain_key = $3 AND name = $4 AND due_at = $5 AND period_ticks = $6
        RETURNING 1
        """;

    public override NpgsqlBatchCommand CreateCommand() => new(ClaimSql)
    {
        Parameters =
        {
            new NpgsqlParameter<DateTime> { TypedValue = leaseUntil.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz },
            new NpgsqlParameter<string> { TypedValue = entry.GrainType },
            new NpgsqlParameter<string> { TypedValue = entry.Key },
            new NpgsqlParameter<string> { TypedValue = entry.Name },
            new NpgsqlParameter<DateTime> { TypedValue = entry.DueAt.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz },
            new NpgsqlParameter<long> { TypedValue = entry.Period.Ticks },
        },
    };

    public override async ValueTask ReadResultAsync(NpgsqlDataReader result) => Succeed(await result.ReadAsync().ConfigureAwait(false));
}
