using CustomerEngine.Grains.Runtime.Reminders;
using CustomerEngine.Storage.Sqlite.ColumnFormats;
using CustomerEngine.Storage.Sqlite.Connections;
using CustomerEngine.Storage.Sqlite.Writing;

namespace CustomerEngine.Storage.Sqlite.Reminders;

/// <summary>Moves a reminder to a new due time only if it is still stored as the caller read it.</summary>
internal sealed class ClaimReminderOperation(ReminderEntry entry, DateTimeOffset leaseUntil, CancellationToken cancellationToken) : WriteOperation<bool>(cancellationToken)
{
    private const string ClaimSql = """
        UPDATE reminders SET due_at = $lease_until
        WHERE grain_type = $grain_type AND grain_key = $grain_key AND name = $name AND due_at = $due_at AND period_ticks = $period_ticks;
        """;

    protected override bool Apply(PreparedStatements statements)
    {
        var claim = statements.Get(ClaimSql, "$lease_until", "$grain_type", "$grain_key", "$name", "$due_at", "$period_ticks");
        claim.Parameters[0].Value = StoredInstant.ToColumn(leaseUntil);
        claim.Parameters[1].Value = entry.GrainType;
        claim.Parameters[2].Value = entry.Key;
        claim.Parameters[3].Value = entry.Name;
        claim.Parameters[4].Value = StoredInstant.ToColumn(entry.DueAt);
        claim.Parameters[5].Value = entry.Period.Ticks;
        return claim.ExecuteNonQuery() == 1;
    }
}
