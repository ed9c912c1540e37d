using CustomerEngine.Storage.Erasure;
using CustomerEngine.Storage.Sqlite.ColumnFormats;
using CustomerEngine.Storage.Sqlite.Connections;

namespace CustomerEngine.Storage.Sqlite.Erasure;

/// <summary>Customer erasure on the store's tables, with its audit trail in the <c>erasures</c> table.</summary>
internal sealed class SqliteCustomerErasure(SqliteDatabase database) : ICustomerErasure
{
    private const string Columns = """
        erasure_id, erased_at, requested_by, subject_digest, streams_erased, events_erased,
        states_erased, index_entries_erased, reminders_erased, log_position
        """;

    private const string NewestSql = $"SELECT {Columns} FROM erasures ORDER BY erased_at DESC, erasure_id LIMIT $limit;";

    private const string BySubjectSql = $"SELECT {Columns} FROM erasures WHERE subject_digest = $subject_digest ORDER BY erased_at DESC, erasure_id LIMIT $limit;";

    public async Task<ErasureRecord> EraseCustomerAsync(CustomerErasureRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        var record = await database.Writer.SubmitAsync(new EraseCustomerOperation(request, cancellationToken)).ConfigureAwait(false);

        // The writer zeroed the rows in the pages it wrote, but the log's older frames still hold
        // them as they were, and so does the file until those pages are checkpointed.
        await database.Checkpointer.TruncateLogAsync(CancellationToken.None).ConfigureAwait(false);
        return record;
    }

    public async Task<IReadOnlyList<ErasureRecord>> ReadErasuresAsync(string? subjectDigest, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        cancellationToken.ThrowIfCancellationRequested();
        if (limit == 0)
        {
            return [];
        }

        using var lease = database.RentReader();
        var select = subjectDigest is null
            ? lease.Statements.Get(NewestSql, "$limit")
            : lease.Statements.Get(BySubjectSql, "$limit", "$subject_digest");
        select.Parameters[0].Value = limit;
        if (subjectDigest is not null)
        {
            select.Parameters[1].Value = subjectDigest;
        }

        var records = new List<ErasureRecord>();
        using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            records.Add(new ErasureRecord(
                ErasureId: reader.GetString(0),
                ErasedAt: StoredInstant.FromColumn(reader.GetInt64(1)),
                RequestedBy: reader.GetString(2),
                SubjectDigest: reader.IsDBNull(3) ? null : reader.GetString(3),
                StreamsErased: reader.GetInt32(4),
                EventsErased: reader.GetInt64(5),
                StatesErased: reader.GetInt32(6),
                IndexEntriesErased: reader.GetInt32(7),
                RemindersErased: reader.GetInt32(8),
                LogPosition: reader.GetInt64(9)));
        }

        return records;
    }
}
