using CustomerEngine.Storage.Lifecycle;
using System.Data.Common;
using CustomerEngine.Storage.Postgres.Reading;
using CustomerEngine.Storage.Postgres.Schema;
using CustomerEngine.Storage.Postgres.Writing;
using Npgsql;

namespace CustomerEngine.Storage.Postgres.Connections;

/// <summary>
/// The store's lifecycle: nothing is opened until <see cref="InitializeAsync"/>, which migrates the
/// schema and starts the writer and the batched lookups; other reads take pooled connections from
/// the data source; disposal answers and commits what is queued and closes everything.
/// </summary>
internal sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly PostgresStoreOptions _options;
    private readonly StoreStartup _startup;
    private GroupCommitWriter? _writer;
    private GrainStateLookup? _grainStates;
    private StreamStatsLookup? _streamStats;
    private StreamEventsLookup? _streamEvents;

    public PostgresDatabase(PostgresStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException("The PostgreSQL store needs a connection string (ConnectionStrings:Engine in the host).", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatchOperations, 1);
        _options = options with { };
        _startup = new StoreStartup(OpenAsync, typeof(PostgresEngineStore));
        var connectionString = WithEngineDefaults(options.ConnectionString);
        DatabaseName = connectionString.Database ?? "";
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    /// <summary>The database named in the connection string (empty when it names none: the server then uses the user's name).</summary>
    public string DatabaseName { get; }

    /// <summary>Pooled connections. Reads open one per call; the writer keeps one of its own.</summary>
    public NpgsqlDataSource DataSource { get; }

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

    /// <summary>Grain states by id, batched across callers.</summary>
    public GrainStateLookup GrainStates => Opened(_grainStates);

    /// <summary>Stream counts and highest sequences, batched across callers.</summary>
    public StreamStatsLookup StreamStats => Opened(_streamStats);

    /// <summary>Events of streams after a sequence, batched across callers.</summary>
    public StreamEventsLookup StreamEvents => Opened(_streamEvents);

    /// <summary>
    /// A read statement on a pooled connection, which the statement opens when executed and returns
    /// when its reader is disposed; throws when the store is not initialized yet or already closed.
    /// </summary>
    public NpgsqlCommand CreateReadCommand(string sql)
    {
        ThrowUnlessOpen(Volatile.Read(ref _writer) is not null);
        return DataSource.CreateCommand(sql);
    }

    /// <summary>
    /// Runs one read statement on a pooled connection and hands it to <paramref name="read"/>, asking
    /// once more on a fresh connection when the first met one the server had dropped (a restart);
    /// throws when the store is not initialized yet or already closed.
    /// </summary>
    public Task<T> ReadAsync<T>(string sql, Action<NpgsqlParameterCollection> bind, Func<NpgsqlCommand, Task<T>> read) =>
        DroppedConnection.ReadAgainOnceAsync(DataSource, async () =>
        {
            await using var command = CreateReadCommand(sql);
            bind(command.Parameters);
            return await read(command).ConfigureAwait(false);
        });

    /// <summary>Runs one read statement without parameters, as <see cref="ReadAsync{T}(string, Action{NpgsqlParameterCollection}, Func{NpgsqlCommand, Task{T}})"/>.</summary>
    public Task<T> ReadAsync<T>(string sql, Func<NpgsqlCommand, Task<T>> read) => ReadAsync(sql, static _ => { }, read);

    /// <summary>
    /// Starts a read statement whose rows the caller streams, asking once more on a fresh connection
    /// when the first met a dropped one; the caller disposes the command and the reader.
    /// </summary>
    public Task<(NpgsqlCommand Command, NpgsqlDataReader Reader)> StartReadingAsync(string sql, CancellationToken cancellationToken) =>
        DroppedConnection.ReadAgainOnceAsync(DataSource, async () =>
        {
            var command = CreateReadCommand(sql);
            try
            {
                return (command, await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false));
            }
            catch
            {
                await command.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        });

    /// <summary>A pooled connection for reading; throws when the store is not initialized yet or already closed.</summary>
    public ValueTask<NpgsqlConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        ThrowUnlessOpen(Volatile.Read(ref _writer) is not null);
        return DataSource.OpenConnectionAsync(cancellationToken);
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => _startup.RunAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (!await _startup.StopAsync().ConfigureAwait(false))
        {
            return;
        }

        foreach (var lookup in new IAsyncDisposable?[] { _grainStates, _streamStats, _streamEvents })
        {
            if (lookup is not null)
            {
                await lookup.DisposeAsync().ConfigureAwait(false);
            }
        }

        if (_writer is { } writer)
        {
            await writer.DisposeAsync().ConfigureAwait(false);
        }

        await DataSource.DisposeAsync().ConfigureAwait(false);
    }

    private async Task OpenAsync()
    {
        await SchemaMigrator.MigrateAsync(DataSource, SchemaMigrator.LatestVersion, CancellationToken.None).ConfigureAwait(false);
        _grainStates = new GrainStateLookup(DataSource);
        _streamStats = new StreamStatsLookup(DataSource);
        _streamEvents = new StreamEventsLookup(DataSource);
        _grainStates.Start();
        _streamStats.Start();
        _streamEvents.Start();

        // Last: the writer being set is what marks the store open (ThrowUnlessOpen).
        Volatile.Write(ref _writer, new GroupCommitWriter(DataSource, _options.MaxBatchOperations));
    }

    // What the connection string says wins; otherwise:
    // - statements are the same few texts over and over, so each connection prepares them once
    //   and the server skips parsing and planning them;
    // - the store never changes session state (its advisory locks end with their transactions),
    //   so a pooled connection needs no DISCARD ALL, which would also drop those prepared statements.
    private static NpgsqlConnectionStringBuilder WithEngineDefaults(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);

        // NpgsqlConnectionStringBuilder.ContainsKey says whether a keyword exists, not whether it
        // was given: the keys as written are read from a plain builder, spaces and case ignored.
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>()
            .Select(key => key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant())
            .ToHashSet(StringComparer.Ordinal);
        if (!given.Contains("MAXAUTOPREPARE"))
        {
            builder.MaxAutoPrepare = 64;
        }

        if (!given.Contains("NORESETONCLOSE"))
        {
            builder.NoResetOnClose = true;
        }

        if (!given.Contains("APPLICATIONNAME"))
        {
            builder.ApplicationName = "CustomerEngine";
        }

        return builder;
    }

    private T Opened<T>(T? lookup)
        where T : class
    {
        ThrowUnlessOpen(Volatile.Read(ref _writer) is not null);
        return lookup!;
    }

    private void ThrowUnlessOpen(bool initialized)
    {
        ObjectDisposedException.ThrowIf(_startup.Stopped, typeof(PostgresEngineStore));
        if (!initialized)
        {
            throw new InvalidOperationException("The PostgreSQL store is not initialized: call InitializeAsync first.");
        }
    }
}
