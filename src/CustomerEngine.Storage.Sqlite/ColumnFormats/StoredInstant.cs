namespace CustomerEngine.Storage.Sqlite.ColumnFormats;

/// <summary>
/// Instants kept as unix milliseconds in INTEGER columns, so that due and range queries compare
/// plain integers and the values stay readable with SQLite's own date functions.
/// </summary>
/// <remarks>
/// Index and reminder instants are schedules and summaries, where milliseconds are ample; they are
/// read back in UTC. The event log keeps the exact value with its offset in a second column.
/// </remarks>
internal static class StoredInstant
{
    public static long ToColumn(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static long? ToColumn(DateTimeOffset? value) => value?.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromColumn(long unixMilliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);
}
