using CustomerEngine.Grains.Runtime.Storage;
using Npgsql;

namespace CustomerEngine.Storage.Postgres.Reading;

/// <summary>Grain states by id, many per query; a state never written reads as <c>null</c>.</summary>
internal sealed class GrainStateLookup(NpgsqlDataSource dataSource) : BatchedLookup<GrainStateId, GrainStateRecord?>(dataSource)
{
    // LATERAL with LIMIT keeps the plan one primary-key lookup per request: PostgreSQL guesses an
    // unnested parameter holds 10 rows and might otherwise hash-join against the whole table.
    protected override string Sql => """
        SELECT r.request, g.data, g.version
        FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS r(grain_type, grain_key, state_name, request)
        CROSS JOIN LATERAL (
            SELECT data, version FROM grain_state
            WHERE grain_state.grain_type = r.grain_type AND grain_state.grain_key = r.grain_key AND grain_state.state_name = r.state_name
            LIMIT 1) AS g
        """;

    protected override void AddParameters(NpgsqlParameterCollection parameters, IReadOnlyList<GrainStateId> requests)
    {
        parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. requests.Select(id => id.GrainType)] });
        parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. requests.Select(id => id.Key)] });
        parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. requests.Select(id => id.StateName)] });
    }

    protected override async Task ReadResultsAsync(NpgsqlDataReader rows, IReadOnlyList<GrainStateId> requests, GrainStateRecord?[] results)
    {
        while (await rows.ReadAsync().ConfigureAwait(false))
        {
            // Ordinality counts from 1. Two callers asking for the same state both get a copy.
            results[rows.GetInt64(0) - 1] = new GrainStateRecord(rows.GetFieldValue<byte[]>(1), rows.GetInt64(2));
        }
    }
}
