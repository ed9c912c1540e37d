using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Storage.Sqlite.Connections;
using CustomerEngine.Storage.Sqlite.Writing;

namespace CustomerEngine.Storage.Sqlite.GrainState;

/// <summary>
/// A version-checked write: version 0 may only create the row, any other version may only
/// replace the row stored at exactly that version. Anything else is a conflict and changes nothing.
/// </summary>
internal sealed class WriteGrainStateOperation(GrainStateId id, byte[] data, long expectedVersion, CancellationToken cancellationToken)
    : WriteOperation<long>(cancellationToken)
{
    private const string InsertSql = """
        INSERT INTO grain_state (grain_type, grain_key, state_name, data, version)
        VALUES ($grain_type, $grain_key, $state_name, $data, 1)
        ON CONFLICT DO NOTHING
        RETURNING version;
        """;

    private const string UpdateSql = """
        UPDATE grain_state SET data = $data, version = version + 1
        WHERE grain_type = $grain_type AND grain_key = $grain_key AND state_name = $state_name AND version = $expected
        RETURNING version;
        """;

    protected override long Apply(PreparedStatements statements)
    {
        var command = expectedVersion == 0
            ? statements.Get(InsertSql, "$grain_type", "$grain_key", "$state_name", "$data")
            : statements.Get(UpdateSql, "$grain_type", "$grain_key", "$state_name", "$data", "$expected");
        GrainStateParameters.BindKey(command, id);
        command.Parameters[3].Value = data;
        if (expectedVersion != 0)
        {
            command.Parameters[4].Value = expectedVersion;
        }

        // RETURNING yields no row when the version check kept the write out.
        return command.ExecuteScalar() is long newVersion
            ? newVersion
            : throw new GrainStateConflictException(id, expectedVersion, StoredVersion.Read(statements, id));
    }
}
