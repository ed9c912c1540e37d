using CustomerEngine.Grains.Runtime.Reminders;
using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Storage.Customers;
using CustomerEngine.Storage.Erasure;
using CustomerEngine.Storage.Events;
using CustomerEngine.Storage.Postgres.Connections;
using CustomerEngine.Storage.Postgres.Customers;
using CustomerEngine.Storage.Postgres.Erasure;
using CustomerEngine.Storage.Postgres.Events;
using CustomerEngine.Storage.Postgres.GrainState;
using CustomerEngine.Storage.Postgres.Reminders;
using CustomerEngine.Storage.Postgres.Writing;

namespace CustomerEngine.Storage.Postgres;

/// <summary>
/// The engine's store in a PostgreSQL database: the event log, the customer index, grain state,
/// reminders and the audit trail of customer erasures, in plain tables created and upgraded by
/// versioned scripts.
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
public sealed class PostgresEngineStore : ComposedEngineStore, IAsyncDisposable
{
    private readonly PostgresDatabase _database;
    private readonly PostgresEventLog _events;
    private readonly PostgresCustomerIndex _customers;
    private readonly PostgresGrainStateStore _grainState;
    private readonly PostgresReminderTable _reminders;
    private readonly PostgresCustomerErasure _erasures;

    /// <summary>Creates a store over the database named in <paramref name="options"/>; nothing is opened until <see cref="InitializeAsync"/>.</summary>
    /// <exception cref="ArgumentException">The connection string is missing or malformed.</exception>
    public PostgresEngineStore(PostgresStoreOptions options)
    {
        _database = new PostgresDatabase(options);
        _events = new PostgresEventLog(_database);
        _customers = new PostgresCustomerIndex(_database);
        _grainState = new PostgresGrainStateStore(_database);
        _reminders = new PostgresReminderTable(_database);
        _erasures = new PostgresCustomerErasure(_database);
    }

    /// <summary>The database this store writes to.</summary>
    public string DatabaseName => _database.DatabaseName;

    /// <summary>How many transactions the writer has committed; lower than the number of writes when they were grouped.</summary>
    internal long CommittedBatches => _database.Writer.CommittedBatches;

    /// <summary>Creates or upgrades the schema (waiting for any other node doing the same) and starts the writer.</summary>
    /// <exception cref="InvalidOperationException">The database was migrated by a newer build.</exception>
    public override Task InitializeAsync(CancellationToken cancellationToken = default) => _database.InitializeAsync(cancellationToken);

    /// <summary>Reads from the database and has the writer commit an empty transaction; throws when either fails.</summary>
    public override async Task PingAsync(CancellationToken cancellationToken = default)
    {
        await _events.ReadLastSequenceAsync(cancellationToken).ConfigureAwait(false);
        var writer = _database.Writer;
        if (!writer.IsRunning)
        {
            throw new InvalidOperationException("The PostgreSQL store's writer has stopped.");
        }

        // The ping waits behind writes already queued, which a stalled store holds indefinitely:
        // the caller's deadline (a health probe's) must end the wait, not only a ping still queued.
        await writer.SubmitAsync(new WriterPingOperation(cancellationToken)).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override IEventLog Events => _events;

    /// <inheritdoc />
    protected override ICustomerIndex Customers => _customers;

    /// <inheritdoc />
    protected override IGrainStateStore GrainState => _grainState;

    /// <inheritdoc />
    protected override IReminderTable Reminders => _reminders;

    /// <inheritdoc />
    protected override ICustomerErasure Erasures => _erasures;

    /// <summary>Commits every write already queued, then closes the connections. Later calls fail with <see cref="ObjectDisposedException"/>. Safe to call twice.</summary>
    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
