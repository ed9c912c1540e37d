namespace CustomerEngine.Storage.Postgres;

/// <summary>Where and how <see cref="PostgresEngineStore"/> reaches its database.</summary>
public sealed record PostgresStoreOptions
{
    /// <summary>
    /// An Npgsql connection string, e.g. <c>Host=db;Database=engine;Username=engine;Password=…</c>.
    /// The database must exist; the store creates and upgrades its tables in the connection's
    /// default schema (set <c>Search Path</c> to use another).
    /// </summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// The most write operations (one append, one state write, one upsert…) committed in one
    /// transaction. Larger groups share one commit and one flush of the write-ahead log; smaller
    /// ones keep each transaction short.
    /// </summary>
    public int MaxBatchOperations { get; set; } = 512;
}
