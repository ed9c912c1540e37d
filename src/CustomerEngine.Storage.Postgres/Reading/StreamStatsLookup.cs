using CustomerEngine.Storage.Events;
using Npgsql;

namespace CustomerEngine.Storage.Postgres.Reading;

/// <summary>How many events each set of streams holds and its highest sequence, many sets per query.</summary>
/// <remarks>Each request holds distinct stream keys: a key listed twice would be counted twice.</remarks>
internal sealed class StreamStatsLookup(NpgsqlDataSource dataSource) : BatchedLookup<string[], StreamStats>(dataSource)
{
    // One aggregate per key, which LATERAL keeps an index(-only) scan of (stream_key, sequence):
    // a plain join let PostgreSQL, guessing 10 keys, hash-join against a scan of the whole log.
    protected override string Sql => """
        SELECT r.request, sum(s.events)::bigint, coalesce(max(s.last_sequence), 0)
        FROM unnest($1::integer[], $2::text[]) AS r(request, stream_key)
        CROSS JOIN LATERAL (
            SELECT count(*) AS events, max(sequence) AS last_sequence FROM events
            WHERE events.stream_key = r.stream_key) AS s
        GROUP BY r.request
        """;

    protected override void AddParameters(NpgsqlParameterCollection parameters, IReadOnlyList<string[]> requests)
    {
        var (positions, keys) = StreamKeyRows.Flatten(requests);
        parameters.Add(new NpgsqlParameter<int[]> { TypedValue = positions });
        parameters.Add(new NpgsqlParameter<string[]> { TypedValue = keys });
    }

    protected override async Task ReadResultsAsync(NpgsqlDataReader rows, IReadOnlyList<string[]> requests, StreamStats[] results)
    {
        while (await rows.ReadAsync().ConfigureAwait(false))
        {
            results[rows.GetInt32(0)] = new StreamStats(rows.GetInt64(1), rows.GetInt64(2));
        }
    }
}
