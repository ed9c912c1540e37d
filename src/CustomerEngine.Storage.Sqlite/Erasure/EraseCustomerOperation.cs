using CustomerEngine.Storage.Erasure;
using CustomerEngine.Storage.Sqlite.ColumnFormats;
using CustomerEngine.Storage.Sqlite.Connections;
using CustomerEngine.Storage.Sqlite.Events;
using CustomerEngine.Storage.Sqlite.Writing;

namespace CustomerEngine.Storage.Sqlite.Erasure;

/// <summary>
/// Deletes one customer's events, index entry, grain state and reminders and records the erasure,
/// all inside the writer's savepoint for this operation: it commits whole or not at all.
/// </summary>
internal sealed class EraseCustomerOperation(CustomerErasureRequest request, CancellationToken cancellationToken)
    : WriteOperation<ErasureRecord>(cancellationToken)
{
    // The indexed events, then the tail's (above the watermark, a range of the newest rows), then
    // the index entries themselves (decision 82).
    private const string IndexedEventsSql = "DELETE FROM events WHERE sequence IN (SELECT sequence FROM stream_index WHERE stream_key = $key);";
    private const string TailEventsSql = "DELETE FROM events WHERE sequence > (SELECT sequence FROM stream_index_watermark) AND stream_key = $key;";
    private const string StreamIndexSql = "DELETE FROM stream_index WHERE stream_key = $key;";
    private const string IndexSql = "DELETE FROM customers WHERE customer_id = $key;";
    private const string StatesSql = "DELETE FROM grain_state WHERE grain_type = $grain_type AND grain_key = $key;";
    private const string RemindersSql = "DELETE FROM reminders WHERE grain_type = $grain_type AND grain_key = $key;";
    private const string InsertSql = """
        INSERT INTO erasures (erasure_id, erased_at, requested_by, subject_digest, streams_erased, events_erased,
                              states_erased, index_entries_erased, reminders_erased, log_position)
        VALUES ($erasure_id, $erased_at, $requested_by, $subject_digest, $streams, $events, $states, $index_entries, $reminders, $position);
        """;

    private readonly string[] _keys = [.. request.StreamKeys.Distinct(StringComparer.Ordinal)];
    private readonly string[] _grainTypes = [.. request.GrainTypes.Distinct(StringComparer.Ordinal)];

    // The writer zeroes what it deletes (secure_delete), so nothing of the rows stays in the file.
    protected override ErasureRecord Apply(PreparedStatements statements)
    {
        // Read before deleting: the customer's events may be the newest in the log.
        var position = (long)statements.Get(SqliteEventLog.LastSequenceSql).ExecuteScalar()!;
        long events = 0;
        int index = 0, states = 0, reminders = 0;
        foreach (var key in _keys)
        {
            events += Delete(statements, IndexedEventsSql, key) + Delete(statements, TailEventsSql, key);
            Delete(statements, StreamIndexSql, key);
            index += Delete(statements, IndexSql, key);
            foreach (var grainType in _grainTypes)
            {
                states += Delete(statements, StatesSql, key, grainType);
                reminders += Delete(statements, RemindersSql, key, grainType);
            }
        }

        var record = new ErasureRecord(
            request.ErasureId, StoredInstant.FromColumn(StoredInstant.ToColumn(request.ErasedAt)), request.RequestedBy, request.SubjectDigest,
            _keys.Length, events, states, index, reminders, position);
        var insert = statements.Get(InsertSql, "$erasure_id", "$erased_at", "$requested_by", "$subject_digest", "$streams", "$events", "$states", "$index_entries", "$reminders", "$position");
        var parameters = insert.Parameters;
        parameters[0].Value = record.ErasureId;
        parameters[1].Value = StoredInstant.ToColumn(record.ErasedAt);
        parameters[2].Value = record.RequestedBy;
        parameters[3].Value = (object?)record.SubjectDigest ?? DBNull.Value;
        parameters[4].Value = record.StreamsErased;
        parameters[5].Value = record.EventsErased;
        parameters[6].Value = record.StatesErased;
        parameters[7].Value = record.IndexEntriesErased;
        parameters[8].Value = record.RemindersErased;
        parameters[9].Value = record.LogPosition;
        insert.ExecuteNonQuery();
        return record;
    }

    private static int Delete(PreparedStatements statements, string sql, string key, string? grainType = null)
    {
        if (grainType is null)
        {
            var byKey = statements.Get(sql, "$key");
            byKey.Parameters[0].Value = key;
            return byKey.ExecuteNonQuery();
        }

        var byGrain = statements.Get(sql, "$grain_type", "$key");
        byGrain.Parameters[0].Value = grainType;
        byGrain.Parameters[1].Value = key;
        return byGrain.ExecuteNonQuery();
    }
}
