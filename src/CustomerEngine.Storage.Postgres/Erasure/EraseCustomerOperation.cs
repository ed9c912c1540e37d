using CustomerEngine.Storage.Erasure;
using CustomerEngine.Storage.Postgres.Writing;
using Npgsql;
using NpgsqlTypes;

namespace CustomerEngine.Storage.Postgres.Erasure;

/// <summary>
/// Deletes one customer's events, index entry, grain state and reminders and records the erasure
/// in one statement: data-modifying CTEs run as one, so it commits whole or not at all.
/// </summary>
internal sealed class EraseCustomerOperation(CustomerErasureRequest request, CancellationToken cancellationToken)
    : WriteOperation<ErasureRecord>(cancellationToken)
{
    // Every part reads the snapshot from before the statement, so the position counts events the
    // statement deletes, and the counts come from the deletes' own RETURNING.
    private const string EraseSql = """
        WITH erased_events AS (DELETE FROM events WHERE stream_key = ANY($1) RETURNING 1),
             erased_index AS (DELETE FROM customers WHERE customer_id = ANY($1) RETURNING 1),
             erased_states AS (DELETE FROM grain_state WHERE grain_key = ANY($1) AND grain_type = ANY($2) RETURNING 1),
             erased_reminders AS (DELETE FROM reminders WHERE grain_key = ANY($1) AND grain_type = ANY($2) RETURNING 1)
        INSERT INTO erasures (erasure_id, erased_at, requested_by, subject_digest, streams_erased, events_erased,
                              states_erased, index_entries_erased, reminders_erased, log_position)
        SELECT $3, $4, $5, $6, cardinality($1),
               (SELECT count(*) FROM erased_events),
               (SELECT count(*) FROM erased_states),
               (SELECT count(*) FROM erased_index),
               (SELECT count(*) FROM erased_reminders),
               (SELECT coalesce(max(sequence), 0) FROM events)
        RETURNING erasure_id, erased_at, requested_by, subject_digest, streams_erased, events_erased,
                  states_erased, index_entries_erased, reminders_erased, log_position
        """;

    private readonly string[] _keys = [.. request.StreamKeys.Distinct(StringComparer.Ordinal)];
    private readonly string[] _grainTypes = [.. request.GrainTypes.Distinct(StringComparer.Ordinal)];

    // Taken with the appends' lock, an erasure falls between two appends even with several nodes
    // writing: every event of the streams up to its position is gone, and none after it.
    public override bool AppendsEvents => true;

    public override NpgsqlBatchCommand CreateCommand() => new(EraseSql)
    {
        Parameters =
        {
            new NpgsqlParameter<string[]> { TypedValue = _keys },
            new NpgsqlParameter<string[]> { TypedValue = _grainTypes },
            new NpgsqlParameter<string> { TypedValue = request.ErasureId },
            new NpgsqlParameter<DateTime> { TypedValue = request.ErasedAt.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz },
            new NpgsqlParameter<string> { TypedValue = request.RequestedBy },
            new NpgsqlParameter { Value = (object?)request.SubjectDigest ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
        },
    };

    public override async ValueTask ReadResultAsync(NpgsqlDataReader result)
    {
        await result.ReadAsync().ConfigureAwait(false);
        Succeed(ErasureRows.Read(result));
    }
}
