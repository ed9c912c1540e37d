using System.Diagnostics.Metrics;
using CustomerEngine.Grains.Runtime.Reminders;
using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Storage.Customers;
using CustomerEngine.Storage.Erasure;
using CustomerEngine.Storage.Events;
using CustomerEngine.Storage.Sqlite.Connections;
using CustomerEngine.Storage.Sqlite.Customers;
using CustomerEngine.Storage.Sqlite.Erasure;
using CustomerEngine.Storage.Sqlite.Events;
using CustomerEngine.Storage.Sqlite.GrainState;
using CustomerEngine.Storage.Sqlite.Reminders;
using CustomerEngine.Storage.Sqlite.Telemetry;
using CustomerEngine.Storage.Sqlite.Writing;

namespace CustomerEngine.Storage.Sqlite;

/// <summary>
/// The engine's store in one SQLite file: the event log, the customer index, grain state,
/// reminders and the audit trail of customer erasures.
/// </summary>
/// <remarks>
/// <para>
/// Every write goes through one background writer that commits whatever is queued in one
/// transaction (group commit), so many concurrent writes share one flush to disk. A returned
/// write task completes only after its transaction is durable; a write that is rejected (say a
/// stale grain-state version) fails alone while the rest of its transaction commits. Reads use a
/// pool of separate connections and see every write whose task has completed.
/// </para>
/// <para>
/// Call <see cref="InitializeAsync"/> before anything else, and dispose the store to commit
/// queued writes and close the file. Cancellation stops a write only while it is still queued.
/// </para>
/// <para>
/// <see cref="ICustomerIndex.ReadDueAsync"/> and <see cref="IReminderTable.ReadDueAsync"/> share a
/// signature, so both are implemented explicitly: call them through the interface.
/// </para>
/// </remarks>
public sealed class SqliteEngineStore : ComposedEngineStore, IAsyncDisposable
{
    private readonly SqliteStoreInstruments _instruments;
    private readonly SqliteDatabase _database;
    private readonly SqliteEventLog _events;
    private readonly SqliteCustomerIndex _customers;
    private readonly SqliteGrainStateStore _grainState;
    private readonly SqliteReminderTable _reminders;
    private readonly SqliteCustomerErasure _erasures;

    /// <summary>Creates a store over the file named in <paramref name="options"/>; nothing is opened until <see cref="InitializeAsync"/>.</summary>
    public SqliteEngineStore(SqliteStoreOptions options)
        : this(options, meterFactory: null)
    {
    }

    /// <summary>Creates a store whose metrics (see <see cref="Storage.Telemetry.StorageTelemetry"/>) come from the host's <paramref name="meterFactory"/>, or from a meter of its own when null.</summary>
    public SqliteEngineStore(SqliteStoreOptions options, IMeterFactory? meterFactory)
    {
        _instruments = new SqliteStoreInstruments(meterFactory);
        _database = new SqliteDatabase(options, _instruments);
        _events = new SqliteEventLog(_database);
        _customers = new SqliteCustomerIndex(_database);
        _grainState = new SqliteGrainStateStore(_database);
        _reminders = new SqliteReminderTable(_database);
        _erasures = new SqliteCustomerErasure(_database);
    }

    /// <summary>The absolute path of the database file.</summary>
    public string DatabasePath => _database.File.FullPath;

    /// <summary>How many transactions the writer has committed; lower than the number of writes when they were grouped.</summary>
    internal long CommittedBatches => _database.Writer.CommittedBatches;

    /// <summary>Creates the folder, the file and the schema when missing, upgrades an older schema, and starts the writer.</summary>
    /// <exception cref="InvalidOperationException">The file was written by a newer build, or SQLite refused write-ahead logging.</exception>
    public override Task InitializeAsync(CancellationToken cancellationToken = default) => _database.InitializeAsync(cancellationToken);

    /// <summary>Reads from the file and has the writer commit an empty transaction; throws when either fails.</summary>
    public override async Task PingAsync(CancellationToken cancellationToken = default)
    {
        await _events.ReadLastSequenceAsync(cancellationToken).ConfigureAwait(false);
        var writer = _database.Writer;
        if (!writer.IsRunning)
        {
            throw new InvalidOperationException("The SQLite store's writer has stopped.");
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

    /// <summary>Commits every write already queued, then closes the file. Later calls fail with <see cref="ObjectDisposedException"/>. Safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync().ConfigureAwait(false);
        _instruments.Dispose();
    }
}
