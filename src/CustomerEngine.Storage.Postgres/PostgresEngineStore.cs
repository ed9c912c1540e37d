using CustomerEngine.Grains.Runtime.Reminders;
using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Storage.Customers;
using CustomerEngine.Storage.Events;
using CustomerEngine.Storage.Postgres.Connections;
using CustomerEngine.Storage.Postgres.Customers;
using CustomerEngine.Storage.Postgres.Events;
using CustomerEngine.Storage.Postgres.GrainState;
using CustomerEngine.Storage.Postgres.Reminders;
using CustomerEngine.Storage.Postgres.Writing;

namespace CustomerEngine.Storage.Postgres;

/// <summary>
/// The engine's store in a PostgreSQL database: the event log, the customer index, grain state
/// and reminders, in plain tables created and upgraded by versioned scripts.
/// </summary>
/// <remarks>
/// <para>
/// Every write goes through one background writer that sends whatever is queued as one batch of
/// statements in one transaction and commits once (group commit), so many concurrent writes
/// share one round trip and one flush of the write-ahead log. A returned write task completes
/// only after its transaction has committed; a write that is rejected (a stale grain-state
/// version) fails alone while the rest of its transaction commits. Reads see every write whose
/// task has completed. The point reads of a grain's activation (its state, its streams' count,
/// its events) are batched the same way: reads queued meanwhile are answered by one query. Other
/// reads use pooled connections.
/// </para>
/// <para>
/// Several engine processes may share one database: migrations and appends take advisory locks,
/// and grain-state versions are checked by the database. Call <see cref="InitializeAsync"/> before
/// anything else, and dispose the store to commit queued writes and close its connections.
/// Cancellation stops a write only while it is still queued.
/// </para>
/// <para>
/// <see cref="ICustomerIndex.ReadDueAsync"/> and <see cref="IReminderTable.ReadDueAsync"/> share a
/// signature, so both are implemented explicitly: call them through the interface.
/// </para>
/// </remarks>
public sealed class PostgresEngineStore : IEngineStore, IAsyncDisposable
{
    private readonly PostgresDatabase _database;
    private readonly PostgresEventLog _events;
    private readonly PostgresCustomerIndex _customers;
    private readonly PostgresGrainStateStore _grainState;
    private readonly PostgresReminderTable _reminders;

    /// <summary>Creates a store over the database named in <paramref name="options"/>; nothing is opened until <see cref="InitializeAsync"/>.</summary>
    /// <exception cref="ArgumentException">The connection string is missing or malformed.</exception>
    public PostgresEngineStore(PostgresStoreOptions options)
    {
        _database = new PostgresDatabase(options);
        _events = new PostgresEventLog(_database);
        _customers = new PostgresCustomerIndex(_database);
        _grainState = new PostgresGrainStateStore(_database);
        _reminders = new PostgresReminderTable(_database);
    }

    /// <summary>The database this store writes to.</summary>
    public string DatabaseName => _database.DatabaseName;

    /// <summary>How many transactions the writer has committed; lower than the number of writes when they were grouped.</summary>
    internal long CommittedBatches => _database.Writer.CommittedBatches;

    /// <summary>Creates or upgrades the schema (waiting for any other node doing the same) and starts the writer.</summary>
    /// <exception cref="InvalidOperationException">The database was migrated by a newer build.</exception>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _database.InitializeAsync(cancellationToken);

    /// <summary>Reads from the database and has the writer commit an empty transaction; throws when either fails.</summary>
    public async Task PingAsync(CancellationToken cancellationToken = default)
    {
        await _events.ReadLastSequenceAsync(cancellationToken).ConfigureAwait(false);
        var writer = _database.Writer;
        if (!writer.IsRunning)
        {
            throw new InvalidOperationException("The PostgreSQL store's writer has stopped.");
        }

        await writer.SubmitAsync(new WriterPingOperation(cancellationToken)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AppendOutcome>> AppendAsync(IReadOnlyList<EventToAppend> events, CancellationToken cancellationToken = default) =>
        _events.AppendAsync(events, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredEvent>> ReadStreamsAsync(IReadOnlyCollection<string> streamKeys, long afterSequence, CancellationToken cancellationToken = default) =>
        _events.ReadStreamsAsync(streamKeys, afterSequence, cancellationToken);

    /// <inheritdoc />
    public Task<StreamStats> ReadStreamStatsAsync(IReadOnlyCollection<string> streamKeys, CancellationToken cancellationToken = default) =>
        _events.ReadStreamStatsAsync(streamKeys, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredEvent>> ScanAsync(string type, long afterSequence, int limit, CancellationToken cancellationToken = default) =>
        _events.ScanAsync(type, afterSequence, limit, cancellationToken);

    /// <inheritdoc />
    public Task<long> CountAsync(CancellationToken cancellationToken = default) => _events.CountAsync(cancellationToken);

    /// <inheritdoc />
    public Task UpsertAsync(IReadOnlyList<CustomerIndexEntry> entries, CancellationToken cancellationToken = default) =>
        _customers.UpsertAsync(entries, cancellationToken);

    /// <inheritdoc />
    public Task RemoveAsync(string customerId, CancellationToken cancellationToken = default) =>
        _customers.RemoveAsync(customerId, cancellationToken);

    /// <inheritdoc />
    public Task<CustomerPage> QueryAsync(CustomerQuery query, CancellationToken cancellationToken = default) =>
        _customers.QueryAsync(query, cancellationToken);

    /// <inheritdoc />
    Task<IReadOnlyList<string>> ICustomerIndex.ReadDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        _customers.ReadDueAsync(now, limit, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<ValueInputRow> ReadValueInputsAsync(CancellationToken cancellationToken = default) =>
        _customers.ReadValueInputsAsync(cancellationToken);

    /// <inheritdoc />
    public Task UpdateTiersAsync(IReadOnlyList<TierAssignment> tiers, CancellationToken cancellationToken = default) =>
        _customers.UpdateTiersAsync(tiers, cancellationToken);

    /// <inheritdoc />
    public Task<CustomerCounts> CountCustomersAsync(CancellationToken cancellationToken = default) =>
        _customers.CountCustomersAsync(cancellationToken);

    /// <inheritdoc />
    public Task<GrainStateRecord?> ReadAsync(GrainStateId id, CancellationToken cancellationToken = default) =>
        _grainState.ReadAsync(id, cancellationToken);

    /// <inheritdoc />
    public Task<long> WriteAsync(GrainStateId id, ReadOnlyMemory<byte> data, long expectedVersion, CancellationToken cancellationToken = default) =>
        _grainState.WriteAsync(id, data, expectedVersion, cancellationToken);

    /// <inheritdoc />
    public Task ClearAsync(GrainStateId id, long expectedVersion, CancellationToken cancellationToken = default) =>
        _grainState.ClearAsync(id, expectedVersion, cancellationToken);

    /// <inheritdoc />
    public Task UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken = default) =>
        _reminders.UpsertAsync(entry, cancellationToken);

    /// <inheritdoc />
    public Task RemoveAsync(string grainType, string key, string name, CancellationToken cancellationToken = default) =>
        _reminders.RemoveAsync(grainType, key, name, cancellationToken);

    /// <inheritdoc />
    Task<IReadOnlyList<ReminderEntry>> IReminderTable.ReadDueAsync(DateTimeOffset until, int limit, CancellationToken cancellationToken) =>
        _reminders.ReadDueAsync(until, limit, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ReadForGrainAsync(string grainType, string key, CancellationToken cancellationToken = default) =>
        _reminders.ReadForGrainAsync(grainType, key, cancellationToken);

    /// <summary>Commits every write already queued, then closes the connections. Later calls fail with <see cref="ObjectDisposedException"/>. Safe to call twice.</summary>
    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
