using CustomerEngine.Grains.Runtime.Reminders;
using CustomerEngine.Storage.Sqlite.ColumnFormats;
using CustomerEngine.Storage.Sqlite.Connections;
using CustomerEngine.Storage.Sqlite.Writing;

namespace CustomerEngine.Storage.Sqlite.Reminders;

/// <summary>Creates a reminder or replaces the due time and period of the one with the same grain and name.</summary>
internal sealed class UpsertReminderOperation(ReminderEntry entry, CancellationToken cancellationToken) : WriteOperation<int>(cancellationToken)
{
    private const string UpsertSql = """
        INSERT INTO reminders (grain_type, grain_key, name, due_at, period_ticks)
        VALUES ($grain_type, $grain_key, $name, $due_at, $period_ticks)
        ON CONFLICT (grain_type, grain_key, name) DO UPDATE SET due_at = excluded.due_at, period_ticks = excluded.period_ticks;
        """;

    protected override int Apply(PreparedStatements statements)
    {
        var upsert = statements.Get(UpsertSql, "$grain_type", "$grain_key", "$name", "$due_at", "$period_ticks");
        upsert.Parameters[0].Value = entry.GrainType;
        upsert.Parameters[1].Value = entry.Key;
        upsert.Parameters[2].Value = entry.Name;
        upsert.Parameters[3].Value = StoredInstant.ToColumn(entry.DueAt);
        upsert.Parameters[4].Value = entry.Period.Ticks;
        return upsert.ExecuteNonQuery();
    }
}
