using CustomerEngine.Grains.Runtime.Storage;
using Microsoft.Data.Sqlite;

namespace CustomerEngine.Storage.Sqlite.GrainState;

/// <summary>Binds the key columns that every grain-state statement starts with.</summary>
internal static class GrainStateParameters
{
    public static readonly string[] Key = ["$grain_type", "$grain_key", "$state_name"];

    public const string KeyCondition = "grain_type = $grain_type AND grain_key = $grain_key AND state_name = $state_name";

    public static void BindKey(SqliteCommand command, GrainStateId id)
    {
        command.Parameters[0].Value = id.GrainType;
        command.Parameters[1].Value = id.Key;
        command.Parameters[2].Value = id.StateName;
    }

    public static void Validate(GrainStateId id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id.GrainType, nameof(id));
        ArgumentException.ThrowIfNullOrEmpty(id.Key, nameof(id));
        ArgumentException.ThrowIfNullOrEmpty(id.StateName, nameof(id));
    }
}
