namespace CustomerEngine.Storage.Sqlite;

/// <summary>Where and how <see cref="SqliteEngineStore"/> keeps its database file.</summary>
public sealed record SqliteStoreOptions
{
    /// <summary>The database file; relative paths are resolved against the current directory. Missing folders are created.</summary>
    public string Path { get; set; } = "data/customer-engine.db";

    /// <summary>
    /// When <c>true</c> (the default) every commit is flushed to disk before writers are told it
    /// succeeded (<c>synchronous=FULL</c>), so an accepted write survives a power loss. When
    /// <c>false</c>, <c>synchronous=NORMAL</c>: a crash of the process loses nothing, a power
    /// loss may lose the last commits.
    /// </summary>
    public bool FullSync { get; set; } = true;

    /// <summary>
    /// The most write operations (one append, one state write, one upsert…) committed in one
    /// transaction. Larger groups share one flush to disk; smaller ones keep each commit short.
    /// </summary>
    public int MaxBatchOperations { get; set; } = 1024;

    /// <summary>
    /// How many new events wait, found through memory, before they are added to the stream index in
    /// one sorted write. Larger batches share more index pages per write and hold more in memory
    /// (some tens of bytes an event). The write is committed in slices of 2,048, so it delays the
    /// acknowledgements committed with it by a few milliseconds at a time.
    /// </summary>
    public int StreamIndexBatchEvents { get; set; } = 65_536;

    /// <summary>How long a connection waits for a lock held by another process before failing.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
