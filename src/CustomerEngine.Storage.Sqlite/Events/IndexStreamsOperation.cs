using System.Globalization;
using System.Text;
using CustomerEngine.Storage.Sqlite.Connections;
using CustomerEngine.Storage.Sqlite.Writing;

namespace CustomerEngine.Storage.Sqlite.Events;

/// <summary>
/// Adds one slice of the <see cref="StreamTail"/>'s entries to <c>stream_index</c>, in the order
/// given (by stream, so that neighbouring customers share index pages, decision 82), and with the
/// last slice of a batch raises the watermark. A batch is written in slices, each in its own commit,
/// so that no acknowledgement waits behind the whole batch (decision 86). Rows above the watermark
/// are ignored by readers, which find those events through the tail, so a batch cut short by a
/// crash leaves nothing wrong: the next start indexes it again.
/// </summary>
internal sealed class IndexStreamsOperation(ArraySegment<(string StreamKey, long Sequence)> entries, long? raiseTo, CancellationToken cancellationToken)
    : WriteOperation<bool>(cancellationToken)
{
    /// <summary>Reads the watermark: every event at or below it is in <c>stream_index</c>.</summary>
    internal const string WatermarkSql = "SELECT sequence FROM stream_index_watermark;";

    // Each row is copied from the event that holds the sequence now, under its own stream, so a
    // tail entry left by an append that rolled back (its sequence perhaps since given to another
    // stream) indexes that other event correctly, or nothing. The sequences come as one JSON array
    // in the slice's order, so the index's pages are visited in stream order without a statement
    // per row.
    private const string IndexSql = """
        INSERT OR IGNORE INTO stream_index (stream_key, sequence)
        SELECT e.stream_key, e.sequence FROM json_each($sequences) AS s CROSS JOIN events AS e ON e.sequence = s.value;
        """;

    private const string RaiseSql = "UPDATE stream_index_watermark SET sequence = $to WHERE sequence < $to;";

    protected override bool Apply(PreparedStatements statements)
    {
        if (entries.Count > 0)
        {
            var index = statements.GetRaw(IndexSql, "$sequences");
            index.BindText(1, SequencesJson(entries));
            index.Execute();
        }

        if (raiseTo is not { } to)
        {
            return false;
        }

        var raise = statements.GetRaw(RaiseSql, "$to");
        raise.BindInt64(1, to);
        return raise.Execute() > 0;
    }

    private static string SequencesJson(ArraySegment<(string StreamKey, long Sequence)> entries)
    {
        var json = new StringBuilder(entries.Count * 8).Append('[');
        foreach (var (_, sequence) in entries)
        {
            json.Append(CultureInfo.InvariantCulture, $"{sequence},");
        }

        json[^1] = ']';
        return json.ToString();
    }
}
