using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Storage.Postgres.Writing;
using Npgsql;

namespace CustomerEngine.Storage.Postgres.GrainState;

/// <summary>Deletes a state stored at exactly the expected version; clearing nothing at version 0 is already done.</summary>
internal sealed class ClearGrainStateOperation(GrainStateId id, long expectedVersion, CancellationToken cancellationToken)
    : WriteOperation<bool>(cancellationToken)
{
    private const string DeleteSql = $"DELETE FROM grain_state WHERE {GrainStateKey.Condition} AND version = $4 RETURNING version";

    private bool _nothingDeleted;

    public override NpgsqlBatchCommand CreateCommand()
    {
        var command = new NpgsqlBatchCommand(DeleteSql);
        GrainStateKey.Add(command.Parameters, id);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = expectedVersion });
        return command;
    }

    public override async ValueTask ReadResultAsync(NpgsqlDataReader result)
    {
        _nothingDeleted = !await result.ReadAsync().ConfigureAwait(false);
        if (!_nothingDeleted)
        {
            Succeed(true);
        }
    }

    // Nothing deleted is fine when nothing was expected and nothing is there; the stored version tells.
    public override NpgsqlBatchCommand? CreateFollowUpCommand() => _nothingDeleted ? GrainStateKey.SelectVersion(id) : null;

    public override async ValueTask ReadFollowUpAsync(NpgsqlDataReader result)
    {
        var actualVersion = await GrainStateKey.ReadVersionAsync(result).ConfigureAwait(false);
        if (expectedVersion == 0 && actualVersion is null)
        {
            Succeed(false);
        }
        else
        {
            Reject(new GrainStateConflictException(id, expectedVersion, actualVersion));
        }
    }
}
