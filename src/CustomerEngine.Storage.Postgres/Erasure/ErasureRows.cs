using CustomerEngine.Storage.Erasure;
using Npgsql;

namespace CustomerEngine.Storage.Postgres.Erasure;

/// <summary>The columns of the <c>erasures</c> table in the order every statement selects them.</summary>
internal static class ErasureRows
{
    public const string Columns = """
        erasure_id, erased_at, requested_by, subject_digest, streams_erased, events_erased,
        states_erased, index_entries_erased, reminders_erased, log_position
        """;

    // count(*) is bigint; the counts of grains and entries are ints in the contract.
    public static ErasureRecord Read(NpgsqlDataReader row) => new(
        ErasureId: row.GetString(0),
        ErasedAt: row.GetFieldValue<DateTimeOffset>(1),
        RequestedBy: row.GetString(2),
        SubjectDigest: row.IsDBNull(3) ? null : row.GetString(3),
        StreamsErased: row.GetInt32(4),
        EventsErased: row.GetInt64(5),
        StatesErased: row.GetInt32(6),
        IndexEntriesErased: row.GetInt32(7),
        RemindersErased: row.GetInt32(8),
        LogPosition: row.GetInt64(9));
}
