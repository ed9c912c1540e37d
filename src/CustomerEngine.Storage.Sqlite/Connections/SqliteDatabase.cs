using CustomerEngine.Storage.Lifecycle;
using CustomerEngine.Storage.Sqlite.Checkpointing;
using CustomerEngine.Storage.Sqlite.Events;
using CustomerEngine.Storage.Sqlite.Schema;
using CustomerEngine.Storage.Sqlite.Telemetry;
using CustomerEngine.Storage.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace CustomerEngine.Storage.Sqlite.Connections;

/// <summary>
/// The store's lifecycle: nothing is opened until <see cref="InitializeAsync"/>; afterwards there
/// is one writer and a pool of readers; disposal commits what is queued and closes everything.
/// </summary>
internal sealed class SqliteDatabase : IAsyncDisposable
{
    private readonly SqliteStoreOptions _options;
    private readonly StoreStartup _startup;
    private GroupCommitWriter? _writer;
    private ReadConnectionPool? _readers;
    private BackgroundCheckpointer? _checkpointer;

    public SqliteDatabase(SqliteStoreOptions options, SqliteStoreInstruments instruments)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatchOperations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.StreamIndexBatchEvents, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BusyTimeout, TimeSpan.Zero);
        _options = options with { };
        _startup = new StoreStartup(() => { Open(); return Task.CompletedTask; }, typeof(SqliteEngineStore));
        File = new DatabaseFile(options.Path, options.BusyTimeout);
        Instruments = instruments;
    }

    public DatabaseFile File { get; }

    public SqliteStoreInstruments Instruments { get; }

    /// <summary>The streams of the events the stream index does not cover yet.</summary>
    public StreamTail StreamTail { get; } = new();

    /// <summary>How many events the tail holds before they are indexed.</summary>
    public int StreamIndexBatchEvents => _options.StreamIndexBatchEvents;

    /// <summary>The writer; throws when the store is not initialized yet or already closed.</summary>
    public GroupCommitWriter Writer
    {
        get
        {
            var writer = Volatile.Read(ref _writer);
            ThrowUnlessOpen(writer is not null);
            return writer!;
        }
    }

    /// <summary>The connection that checkpoints the log; throws when the store is not initialized yet or already closed.</summary>
    public BackgroundCheckpointer Checkpointer
    {
        get
        {
            var checkpointer = Volatile.Read(ref _checkpointer);
            ThrowUnlessOpen(checkpointer is not null);
            return checkpointer!;
        }
    }

    public ReadLease RentReader()
    {
        var readers = Volatile.Read(ref _readers);
        ThrowUnlessOpen(readers is not null);
        return readers!.Rent();
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => _startup.RunAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (!await _startup.StopAsync().ConfigureAwait(false))
        {
            return;
        }

        if (_writer is { } writer)
        {
            await writer.DisposeAsync().ConfigureAwait(false);
        }

        if (_checkpointer is { } checkpointer)
        {
            await checkpointer.DisposeAsync().ConfigureAwait(false);
        }

        _readers?.Dispose();
    }

    private void Open()
    {
        var connection = File.OpenWriter(_options.FullSync);
        try
        {
            DatabaseSchema.Apply(connection, File.FullPath);
            LoadStreamTail(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        _checkpointer = new BackgroundCheckpointer(File.OpenCheckpointer(_options.FullSync), TimeSpan.FromMilliseconds(100));
        // Every customer activated for the first time reads its stream, and a batch of 100 events
        // activates up to 100 at once: a pool smaller than that opened and closed a connection per
        // read (prepared statements and all), which cost more than the reads.
        Volatile.Write(ref _readers, new ReadConnectionPool(File, 64));
        Volatile.Write(ref _writer, new GroupCommitWriter(connection, _options.MaxBatchOperations, Instruments));
    }

    // The events above the watermark were appended after the last indexing write: their streams
    // are known only from memory, so a start reads them back. There are at most a batch or two.
    private void LoadStreamTail(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT stream_key, sequence FROM events
            WHERE sequence > (SELECT sequence FROM stream_index_watermark)
            ORDER BY sequence;
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            StreamTail.Add(reader.GetString(0), reader.GetInt64(1));
        }
    }

    private void ThrowUnlessOpen(bool initialized)
    {
        ObjectDisposedException.ThrowIf(_startup.Stopped, typeof(SqliteEngineStore));
        if (!initialized)
        {
            throw new InvalidOperationException("The SQLite store is not initialized: call InitializeAsync first.");
        }
    }
}
