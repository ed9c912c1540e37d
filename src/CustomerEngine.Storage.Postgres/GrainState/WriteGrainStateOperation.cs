using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Storage.Postgres.Writing;
using Npgsql;

namespace CustomerEngine.Storage.Postgres.GrainState;

/// <summary>
/// A version-checked write: version 0 may only create the row, any other version may only
/// replace the row stored at exactly that version. Anything else is a conflict and changes nothing.
/// </summary>
internal sealed class WriteGrainStateOperation(GrainStateId id, byte[] data, long expectedVersion, CancellationToken cancellationToken)
    : WriteOperation<long>(cancellationToken)
{
    // Neither statement fails on a stale version: it returns no row, and the transaction goes on.
    private const string InsertSql = """
        INSERT INTO grain_state (grain_type, grain_key, state_name, data, version)
        VALUES ($1, $2, $3, $4, 1)
        ON CONFLICT DO NOTHING
        RETURNING version
        """;

    private const string UpdateSql = $"""
        UPDATE grain_state SET data = $4, version = version + 1
        WHERE {GrainStateKey.Condition} AND version = $5
        RETURNING version
        """;

    private bool _stale;

    public override NpgsqlBatchCommand CreateCommand()
    {
        var command = new NpgsqlBatchCommand(expectedVersion == 0 ? InsertSql : UpdateSql);
        GrainStateKey.Add(command.Parameters, id);
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = data });
        if (expectedVersion != 0)
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = expectedVersion });
        }

        return command;
    }

    public override async ValueTask ReadResultAsync(NpgsqlDataReader result)
    {
        _stale = !await result.ReadAsync().ConfigureAwait(false);
        if (!_stale)
        {
            Succeed(result.GetInt64(0));
        }
    }

    public override NpgsqlBatchCommand? CreateFollowUpCommand() => _stale ? GrainStateKey.SelectVersion(id) : null;

    public override async ValueTask ReadFollowUpAsync(NpgsqlDataReader result) =>
        Reject(new GrainStateConflictException(id, expectedVersion, await GrainStateKey.ReadVersionAsync(result).ConfigureAwait(false)));
}
