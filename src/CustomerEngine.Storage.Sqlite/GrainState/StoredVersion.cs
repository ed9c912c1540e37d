using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Storage.Sqlite.Connections;

namespace CustomerEngine.Storage.Sqlite.GrainState;

/// <summary>Reads the version stored for a state, to tell a stale writer what it missed.</summary>
internal static class StoredVersion
{
    private const string SelectSql = "SELECT version FROM grain_state WHERE " + GrainStateParameters.KeyCondition + ";";

    public static long? Read(PreparedStatements statements, GrainStateId id)
    {
        var select = statements.Get(SelectSql, GrainStateParameters.Key);
        GrainStateParameters.BindKey(select, id);
        return select.ExecuteScalar() is long version ? version : null;
    }
}
