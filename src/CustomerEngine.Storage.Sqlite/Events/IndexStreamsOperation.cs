using CustomerEngine.Storage.Sqlite.Connections;
using CustomerEngine.Storage.Sqlite.Writing;

namespace CustomerEngine.Storage.Sqlite.Events;

/// <summary>
/// Moves the events above the stream index's watermark into <c>stream_index</c>, sorted by stream,
/// and raises the watermark to the newest event, in one write. Sorted, the batch's entries for
/// neighbouring customers share index pages, so the batch rewrites each page of the index at most
/// once, where appends indexing as they went rewrote about one page per event (decision 82).
/// Returns the new watermark; the caller prunes <see cref="StreamTail"/> up to it once committed.
/// </summary>
internal sealed class IndexStreamsOperation(CancellationToken cancellationToken) : WriteOperation<long>(cancellationToken)
{
    /// <summary>Reads the watermark: every event at or below it is in <c>stream_index</c>.</summary>
    internal const string WatermarkSql = "SELECT sequence FROM stream_index_watermark;";
    private const string IndexSql = """
        INSERT OR IGNORE INTO stream_index (stream_key, sequence)
        SELECT stream_key, sequence FROM events
        WHERE sequence > $from AND sequence <= $to
        ORDER BY stream_key, sequence;
        """;

    private const string RaiseSql = "UPDATE stream_index_watermark SET sequence = $to;";

    protected override long Apply(PreparedStatements statements)
    {
        var from = (long)statements.Get(WatermarkSql).ExecuteScalar()!;
        var to = (long)statements.Get(SqliteEventLog.LastSequenceSql).ExecuteScalar()!;
        if (to <= from)
        {
            return from;
        }

        var index = statements.GetRaw(IndexSql, "$from", "$to");
        index.BindInt64(1, from);
        index.BindInt64(2, to);
        index.Execute();
        var raise = statements.GetRaw(RaiseSql, "$to");
        raise.BindInt64(1, to);
        raise.Execute();
        return to;
    }
}
