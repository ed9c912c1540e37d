using CustomerEngine.Storage;
using CustomerEngine.Storage.Sqlite;

namespace CustomerEngine.Durability.Tests.Stores;

/// <summary>A new SQLite file in a folder of its own, deleted afterwards.</summary>
public sealed class SqliteStoreUnderTest : EngineStoreUnderTest
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ce-durability", Guid.NewGuid().ToString("N"));

    public SqliteStoreUnderTest() => DatabasePath = Path.Combine(_folder, "engine.db");

    public string DatabasePath { get; }

    public override StorageProvider Provider => StorageProvider.Sqlite;

    protected override IReadOnlyList<string> StoreSettings => [$"--Storage:Path={DatabasePath}"];

    // With the default 5 s a write waits for the lock, fails, and its retry waits again: the first
    // answer to a request made during a 10 s outage could come after it ended.
    public override IReadOnlyList<string> OutageSettings => ["--Storage:BusyTimeout=00:00:01"];

    public override async Task<T> ReadAsync<T>(Func<IEngineStore, Task<T>> read)
    {
        await using var store = new SqliteEngineStore(new SqliteStoreOptions { Path = DatabasePath });
        await store.InitializeAsync();
        return await read(store);
    }

    public override IStoreOutage CreateOutage() => new SqliteWriteLock(DatabasePath);

    public override ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }

        return ValueTask.CompletedTask;
    }
}
