using CustomerEngine.Storage.Events;
using CustomerEngine.Storage.Postgres.Events;
using Npgsql;

namespace CustomerEngine.Storage.Postgres.Reading;

/// <summary>The events of each request's streams after its sequence, in sequence order, many requests per query.</summary>
internal sealed class StreamEventsLookup(NpgsqlDataSource dataSource) : BatchedLookup<StreamEventsRequest, IReadOnlyList<StoredEvent>>(dataSource)
{
    // One ordered index range scan per key, which LATERAL with ORDER BY keeps: a plain join let
    // PostgreSQL, guessing 10 keys, hash-join against a scan of the whole log (tens of ms at 100,000
    // events, growing with the log). Rows come request by request, each key's in sequence order.
    protected override string Sql => $"""
        SELECT r.request, {StoredEventColumns.List("e")}
        FROM unnest($1::integer[], $2::text[], $3::bigint[]) AS r(request, stream_key, after_sequence)
        CROSS JOIN LATERAL (
            SELECT {StoredEventColumns.Names} FROM events
            WHERE events.stream_key = r.stream_key AND events.sequence > r.after_sequence
            ORDER BY events.sequence) AS e
        """;

    protected override IReadOnlyList<StoredEvent> Empty(StreamEventsRequest request) => [];

    protected override void AddParameters(NpgsqlParameterCollection parameters, IReadOnlyList<StreamEventsRequest> requests)
    {
        var (positions, keys) = StreamKeyRows.Flatten([.. requests.Select(request => request.StreamKeys)]);
        parameters.Add(new NpgsqlParameter<int[]> { TypedValue = positions });
        parameters.Add(new NpgsqlParameter<string[]> { TypedValue = keys });
        parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. positions.Select(position => requests[position].AfterSequence)] });
    }

    protected override async Task ReadResultsAsync(NpgsqlDataReader rows, IReadOnlyList<StreamEventsRequest> requests, IReadOnlyList<StoredEvent>[] results)
    {
        var current = -1;
        List<StoredEvent>? events = null;
        while (await rows.ReadAsync().ConfigureAwait(false))
        {
            var position = rows.GetInt32(0);
            if (position != current)
            {
                current = position;
                results[position] = events = [];
            }

            events!.Add(StoredEventColumns.Read(rows, firstOrdinal: 1));
        }

        // A request of several streams (a customer and the visitors it merged) gets each stream's
        // events in turn: merged here into one sequence order.
        for (var i = 0; i < requests.Count; i++)
        {
            if (requests[i].StreamKeys.Length > 1 && results[i] is List<StoredEvent> merged)
            {
                merged.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
            }
        }
    }
}
