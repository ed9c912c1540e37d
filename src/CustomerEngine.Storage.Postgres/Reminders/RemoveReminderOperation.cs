using CustomerEngine.Storage.Postgres.Writing;
using Npgsql;

namespace CustomerEngine.Storage.Postgres.Reminders;

/// <summary>Deletes one reminder, if it exists.</summary>
internal sealed class RemoveReminderOperation(string grainType, string key, string name, CancellationToken cancellationToken)
    : WriteOperation<int>(cancellationToken)
{
    // Wrapped so that a delete of nothing still returns its one row: results pair with operations by position.
    private const string DeleteSql = """
        WITH deleted AS (DELETE FROM reminders WHERE grain_type = $1 AND grain_key = $2 AND name = $3 RETURNING 1)
        SELECT count(*)::integer FROM deleted
        """;

    public override NpgsqlBatchCommand CreateCommand() => new(DeleteSql)
    {
        Parameters =
        {
            new NpgsqlParameter<string> { TypedValue = grainType },
            new NpgsqlParameter<string> { TypedValue = key },
            new NpgsqlParameter<string> { TypedValue = name },
        },
    };

    public override async ValueTask ReadResultAsync(NpgsqlDataReader result)
    {
        await result.ReadAsync().ConfigureAwait(false);
        Succeed(result.GetInt32(0));
    }
}
