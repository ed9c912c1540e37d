using CustomerEngine.Grains.Runtime.Reminders;
using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Storage.Customers;
using CustomerEngine.Storage.Erasure;
using CustomerEngine.Storage.Events;

namespace CustomerEngine.Storage;

/// <summary>
/// An <see cref="IEngineStore"/> made of one part per concern: it hands every call to the part
/// that owns it, so a provider only says what its parts are and how it starts and checks itself.
/// </summary>
public abstract class ComposedEngineStore : IEngineStore
{
    /// <summary>The event log part.</summary>
    protected abstract IEventLog Events { get; }

    /// <summary>The customer index part.</summary>
    protected abstract ICustomerIndex Customers { get; }

    /// <summary>The grain state part.</summary>
    protected abstract IGrainStateStore GrainState { get; }

    /// <summary>The reminder table part.</summary>
    protected abstract IReminderTable Reminders { get; }

    /// <summary>The customer erasure part.</summary>
    protected abstract ICustomerErasure Erasures { get; }

    /// <inheritdoc />
    public abstract Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public abstract Task PingAsync(CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public Task<IReadOnlyList<AppendOutcome>> AppendAsync(IReadOnlyList<EventToAppend> events, CancellationToken cancellationToken = default) =>
        Events.AppendAsync(events, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredEvent>> ReadStreamsAsync(IReadOnlyCollection<string> streamKeys, long afterSequence, CancellationToken cancellationToken = default) =>
        Events.ReadStreamsAsync(streamKeys, afterSequence, cancellationToken);

    /// <inheritdoc />
    public Task<StreamStats> ReadStreamStatsAsync(IReadOnlyCollection<string> streamKeys, CancellationToken cancellationToken = default) =>
        Events.ReadStreamStatsAsync(streamKeys, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredEvent>> ScanAsync(string type, long afterSequence, int limit, CancellationToken cancellationToken = default) =>
        Events.ScanAsync(type, afterSequence, limit, cancellationToken);

    /// <inheritdoc />
    public Task<long> CountAsync(CancellationToken cancellationToken = default) => Events.CountAsync(cancellationToken);

    /// <inheritdoc />
    public Task UpsertAsync(IReadOnlyList<CustomerIndexEntry> entries, CancellationToken cancellationToken = default) =>
        Customers.UpsertAsync(entries, cancellationToken);

    /// <inheritdoc />
    public Task RemoveAsync(string customerId, CancellationToken cancellationToken = default) =>
        Customers.RemoveAsync(customerId, cancellationToken);

    /// <inheritdoc />
    public Task<CustomerPage> QueryAsync(CustomerQuery query, CancellationToken cancellationToken = default) =>
        Customers.QueryAsync(query, cancellationToken);

    /// <inheritdoc />
    Task<IReadOnlyList<CustomerIndexEntry>> ICustomerIndex.ReadAsync(IReadOnlyCollection<string> customerIds, CancellationToken cancellationToken) =>
        Customers.ReadAsync(customerIds, cancellationToken);

    /// <inheritdoc />
    Task<IReadOnlyList<string>> ICustomerIndex.ReadDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        Customers.ReadDueAsync(now, limit, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<ValueInputRow> ReadValueInputsAsync(CancellationToken cancellationToken = default) =>
        Customers.ReadValueInputsAsync(cancellationToken);

    /// <inheritdoc />
    public Task UpdateTiersAsync(IReadOnlyList<TierAssignment> tiers, CancellationToken cancellationToken = default) =>
        Customers.UpdateTiersAsync(tiers, cancellationToken);

    /// <inheritdoc />
    public Task<CustomerCounts> CountCustomersAsync(CancellationToken cancellationToken = default) =>
        Customers.CountCustomersAsync(cancellationToken);

    /// <inheritdoc />
    public Task<GrainStateRecord?> ReadAsync(GrainStateId id, CancellationToken cancellationToken = default) =>
        GrainState.ReadAsync(id, cancellationToken);

    /// <inheritdoc />
    public Task<long> WriteAsync(GrainStateId id, ReadOnlyMemory<byte> data, long expectedVersion, CancellationToken cancellationToken = default) =>
        GrainState.WriteAsync(id, data, expectedVersion, cancellationToken);

    /// <inheritdoc />
    public Task ClearAsync(GrainStateId id, long expectedVersion, CancellationToken cancellationToken = default) =>
        GrainState.ClearAsync(id, expectedVersion, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListStateNamesAsync(string grainType, string key, CancellationToken cancellationToken = default) =>
        GrainState.ListStateNamesAsync(grainType, key, cancellationToken);

    /// <inheritdoc />
    public Task UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken = default) =>
        Reminders.UpsertAsync(entry, cancellationToken);

    /// <inheritdoc />
    public Task RemoveAsync(string grainType, string key, string name, CancellationToken cancellationToken = default) =>
        Reminders.RemoveAsync(grainType, key, name, cancellationToken);

    /// <inheritdoc />
    Task<IReadOnlyList<ReminderEntry>> IReminderTable.ReadDueAsync(DateTimeOffset until, int limit, CancellationToken cancellationToken) =>
        Reminders.ReadDueAsync(until, limit, cancellationToken);

    /// <inheritdoc />
    public Task<bool> TryClaimAsync(ReminderEntry entry, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default) =>
        Reminders.TryClaimAsync(entry, leaseUntil, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ReadForGrainAsync(string grainType, string key, CancellationToken cancellationToken = default) =>
        Reminders.ReadForGrainAsync(grainType, key, cancellationToken);

    /// <inheritdoc />
    public Task<ErasureRecord> EraseCustomerAsync(CustomerErasureRequest request, CancellationToken cancellationToken = default) =>
        Erasures.EraseCustomerAsync(request, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ErasureRecord>> ReadErasuresAsync(string? subjectDigest, int limit, CancellationToken cancellationToken = default) =>
        Erasures.ReadErasuresAsync(subjectDigest, limit, cancellationToken);
}
