using CustomerEngine.Grains.Runtime.Storage;
using Npgsql;

namespace CustomerEngine.Storage.Postgres.GrainState;

/// <summary>The key columns every grain-state statement starts with, as parameters $1, $2 and $3.</summary>
internal static class GrainStateKey
{
    public const string Condition = "grain_type = $1 AND grain_key = $2 AND state_name = $3";

    public const string SelectVersionSql = "SELECT (SELECT version FROM grain_state WHERE " + Condition + ")";

    public static void Add(NpgsqlParameterCollection parameters, GrainStateId id)
    {
        parameters.Add(new NpgsqlParameter<string> { TypedValue = id.GrainType });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = id.Key });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = id.StateName });
    }

    /// <summary>A statement reading the stored version (one row, NULL when there is none): what a stale writer missed.</summary>
    public static NpgsqlBatchCommand SelectVersion(GrainStateId id)
    {
        var select = new NpgsqlBatchCommand(SelectVersionSql);
        Add(select.Parameters, id);
        return select;
    }

    public static async ValueTask<long?> ReadVersionAsync(NpgsqlDataReader result)
    {
        await result.ReadAsync().ConfigureAwait(false);
        return result.IsDBNull(0) ? null : result.GetInt64(0);
    }

    public static void Validate(GrainStateId id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id.GrainType, nameof(id));
        ArgumentException.ThrowIfNullOrEmpty(id.Key, nameof(id));
        ArgumentException.ThrowIfNullOrEmpty(id.StateName, nameof(id));
    }
}
