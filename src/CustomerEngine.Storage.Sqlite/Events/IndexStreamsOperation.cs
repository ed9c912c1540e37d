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

    // Copied from the event itself, so that a tail entry left by an append that rolled back (its
    // sequence since given to another stream), or by an erased customer, adds nothing.
    private const string IndexSql = """
        INSERT OR IGNORE INTO stream_index (stream_key, sequence)
        SELECT stream_key, sequence FROM events WHERE sequence = $sequence AND stream_key = $stream_key;
        """;

    private const string RaiseSql = "UPDATE stream_index_watermark SET sequence = $to WHERE sequence < $to;";

    protected override bool Apply(PreparedStatements statements)
    {
        var index = statements.GetRaw(IndexSql, "$sequence", "$stream_key");
        foreach (var (streamKey, sequence) in entries)
        {
            index.BindInt64(1, sequence);
            index.BindText(2, streamKey);
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
}
