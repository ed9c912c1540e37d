namespace CustomerEngine.Storage.Postgres.Writing;

/// <summary>
/// The advisory lock keys the store takes. Constants, so every node of the engine agrees on them;
/// chosen to be unlikely to collide with another application's keys in the same database.
/// </summary>
internal static class AdvisoryLocks
{
    /// <summary>Held while a node applies migrations, so nodes starting together migrate one at a time.</summary>
    public const long SchemaMigration = 0x4345_4D49_4752_0001; // "CEMIGR" 1

    /// <summary>
    /// Held by every transaction that appends events, from before its first insert until its commit.
    /// Sequences are then committed in the order they were drawn, even with several nodes writing,
    /// so a reader that sees a sequence also sees every lower one: the prefix property of
    /// <c>IEventLog.ScanAsync</c>.
    /// </summary>
    public const long EventAppend = 0x4345_4150_5044_0001; // "CEAPPD" 1
}
