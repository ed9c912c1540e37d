using CustomerEngine.Storage.Sqlite.Connections;
using CustomerEngine.Storage.Sqlite.Writing;

namespace CustomerEngine.Storage.Sqlite.Reminders;

/// <summary>Deletes one reminder, if it exists.</summary>
internal sealed class RemoveReminderOperation(string grainType, string key, string name, CancellationToken cancellationToken)
    : WriteOperation<int>(cancellationToken)
{
    private const string DeleteSql = "DELETE FROM reminders WHERE grain_type = $grain_type AND grain_key = $grain_key AND name = $name;";

    protected override int Apply(PreparedStatements statements)
    {
        var delete = statements.Get(DeleteSql, "$grain_type", "$grain_key", "$name");
        delete.Parameters[0].Value = grainType;
        delete.Parameters[1].Value = key;
        delete.Parameters[2].Value = name;
        return delete.ExecuteNonQuery();
    }
}
