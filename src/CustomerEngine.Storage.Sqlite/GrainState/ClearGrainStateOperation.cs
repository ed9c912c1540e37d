using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Storage.Sqlite.Connections;
using CustomerEngine.Storage.Sqlite.Writing;

namespace CustomerEngine.Storage.Sqlite.GrainState;

/// <summary>Deletes a state stored at exactly the expected version; clearing nothing at version 0 is already done.</summary>
internal sealed class ClearGrainStateOperation(GrainStateId id, long expectedVersion, CancellationToken cancellationToken)
    : WriteOperation<bool>(cancellationToken)
{
    private const string DeleteSql = """
        DELETE FROM grain_state
        WHERE grain_type = $grain_type AND grain_key = $grain_key AND state_name = $state_name AND version = $expected
        RETURNING version;
        """;

    protected override bool Apply(PreparedStatements statements)
    {
        var delete = statements.Get(DeleteSql, "$grain_type", "$grain_key", "$state_name", "$expected");
        GrainStateParameters.BindKey(delete, id);
        delete.Parameters[3].Value = expectedVersion;
        if (delete.ExecuteScalar() is long)
        {
            return true;
        }

        var actualVersion = StoredVersion.Read(statements, id);
        return expectedVersion == 0 && actualVersion is null
            ? false
            : throw new GrainStateConflictException(id, expectedVersion, actualVersion);
    }
}
