using CustomerEngine.Storage.Events;
using Npgsql;

namespace CustomerEngine.Storage.Postgres.Events;

/// <summary>How a <see cref="StoredEvent"/> is selected from the <c>events</c> table and read back, in one place for every read.</summary>
internal static class StoredEventColumns
{
    public const string Names = "sequence, event_id, stream_key, type, occurred_at, occurred_at_offset_minutes, payload";

    /// <summary>The columns of <see cref="Names"/> qualified by a table alias.</summary>
    public static string List(string alias) => string.Join(", ", Names.Split(", ").Select(column => $"{alias}.{column}"));

    /// <summary>Reads an event whose columns start at <paramref name="firstOrdinal"/>, in the order of <see cref="Names"/>.</summary>
    public static StoredEvent Read(NpgsqlDataReader row, int firstOrdinal = 0)
    {
        // timestamptz comes back in UTC; the producer's offset is put back so OccurredAt reads as it was sent.
        var occurredAtUtc = new DateTimeOffset(row.GetFieldValue<DateTime>(firstOrdinal + 4), TimeSpan.Zero);
        return new StoredEvent(
            Sequence: row.GetInt64(firstOrdinal),
            EventId: row.GetString(firstOrdinal + 1),
            StreamKey: row.GetString(firstOrdinal + 2),
            Type: row.GetString(firstOrdinal + 3),
            OccurredAt: occurredAtUtc.ToOffset(TimeSpan.FromMinutes(row.GetInt16(firstOrdinal + 5))),
            Payload: row.GetFieldValue<byte[]>(firstOrdinal + 6));
    }
}
