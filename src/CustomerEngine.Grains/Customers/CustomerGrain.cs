using System.Text.Json;
using CustomerEngine.Domain.Customers;
using CustomerEngine.Domain.Events;
using CustomerEngine.Domain.Views;
using CustomerEngine.Grains.Presence;
using CustomerEngine.Grains.Runtime;
using CustomerEngine.Grains.Value;
using CustomerEngine.Storage.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Grains.Customers;

/// <summary>
/// A thin shell over <see cref="CustomerEvolver"/>: it delivers events in order, replays from the
/// event log when order or completeness is in doubt, and publishes the result to the index and
/// to store presence.
/// </summary>
public sealed class CustomerGrain : Grain, ICustomerGrain
{
    private readonly IPersistentState<CustomerGrainState> _state;
    private readonly IEventLog _log;
    private readonly CustomerIndexWriter _index;
    private readonly ValueDistributionSnapshot _values;
    private readonly CustomerRules _rules;
    private readonly CustomerGrainOptions _options;
    private readonly ILogger<CustomerGrain> _logger;

    // Every event of this customer's streams up to this sequence is already folded: the last full
    // replay read them all, and the log is commit-ordered. Lets redelivered events be skipped.
    private long _coveredThrough;
    private int _appliedSinceSnapshot;

    // Hash of the index columns that lists filter on; a change makes the next index row urgent.
    private int _publishedFilterColumns;

    /// <summary>Created by the grain runtime.</summary>
    public CustomerGrain(
        IGrainContext context,
        IPersistentStateFactory states,
        IEventLog log,
        CustomerIndexWriter index,
        ValueDistributionSnapshot values,
        IOptions<CustomerRules> rules,
        IOptions<CustomerGrainOptions> options,
        ILogger<CustomerGrain> logger)
    {
        _state = states.Create<CustomerGrainState>(context, "customer");
        _log = log;
        _index = index;
        _values = values;
        _rules = rules.Value;
        _options = options.Value;
        _logger = logger;
    }

    private CustomerGrainState Snapshot => _state.State;

    private string[] Streams => [GrainKey, .. Snapshot.GrantedStreams];

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Snapshot.MergedInto is not null)
        {
            return;
        }

        var customer = Snapshot.Customer;
        if (customer is null)
        {
            // No snapshot: whatever the log holds is the whole story, so read it in one go.
            await ReplayAsync();
            return;
        }

        var stats = await _log.ReadStreamStatsAsync(Streams, cancellationToken);

        // A snapshot is trusted only when it folded exactly what the log holds; anything else
        // (a crash between append and snapshot, a late event) is settled by a replay.
        if (stats.Count != Snapshot.AppliedCount || stats.MaxSequence != customer.MaxSequence)
        {
            await ReplayAsync();
        }
        else
        {
            _coveredThrough = customer.MaxSequence;
        }
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_appliedSinceSnapshot > 0)
        {
            await WriteSnapshotAsync();
        }
    }

    /// <inheritdoc />
    public async Task<CustomerApplyReport> ApplyAsync(IReadOnlyList<SequencedEvent> events)
    {
        if (Snapshot.MergedInto is { } owner)
        {
            return new CustomerApplyReport(owner);
        }

        try
        {
            await ApplyInOrderAsync(events);
            await ClaimAnonymousStreamsAsync();
        }
        catch
        {
            // The events are durable in the log; a fresh activation replays them.
            DeactivateOnIdle();
            throw;
        }

        await NotifyPresenceAsync(events);
        PublishToIndex(urgent: false);
        if (_appliedSinceSnapshot >= _options.SnapshotEvery)
        {
            await WriteSnapshotAsync();
        }

        return CustomerApplyReport.Applied;
    }

    /// <inheritdoc />
    public Task<Customer360?> GetViewAsync()
    {
        var customer = CurrentCustomer();
        return Task.FromResult(customer is null ? null : CustomerViews.To360(customer, Clock.GetUtcNow(), _values.Current, _rules));
    }

    /// <inheritdoc />
    public Task<CustomerSummary?> GetSummaryAsync()
    {
        var customer = CurrentCustomer();
        return Task.FromResult(customer is null ? null : CustomerViews.ToSummary(customer, Clock.GetUtcNow(), _values.Current, _rules));
    }

    /// <inheritdoc />
    public Task AdvanceClockAsync()
    {
        PublishToIndex(urgent: true);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<string> MergeIntoAsync(string customerId)
    {
        if (Snapshot.MergedInto is { } owner)
        {
            return owner;
        }

        Snapshot.MergedInto = customerId;
        await _state.WriteStateAsync();
        _appliedSinceSnapshot = 0;
        _index.EnqueueRemoval(GrainKey);
        return customerId;
    }

    private async Task ApplyInOrderAsync(IReadOnlyList<SequencedEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        var customer = Snapshot.Customer ??= CustomerEvolver.Create(GrainKey);
        var ordered = events
            .Where(e => e.Sequence > _coveredThrough)
            .OrderBy(e => e.Event.OccurredAt)
            .ThenBy(e => e.Sequence);
        foreach (var e in ordered)
        {
            if (CustomerEvolver.NeedsReplay(customer, e))
            {
                await ReplayAsync();
                return;
            }

            CustomerEvolver.Apply(customer, e, _rules);
            Snapshot.AppliedCount++;
            _appliedSinceSnapshot++;
        }
    }

    private async Task ReplayAsync()
    {
        var stored = await _log.ReadStreamsAsync(Streams, afterSequence: 0);
        var events = stored.Select(s => new SequencedEvent(s.Sequence, CustomerEventJson.Deserialize(s.Payload)));

        // A customer exists from its first event on; a read of an unknown id must not create one.
        Snapshot.Customer = stored.Count == 0 ? null : CustomerEvolver.Replay(GrainKey, events, _rules);
        Snapshot.AppliedCount = stored.Count;
        _coveredThrough = stored.Count == 0 ? 0 : stored[^1].Sequence;
        if (stored.Count > 0)
        {
            _appliedSinceSnapshot++;
        }
    }

    // The fold records which anonymous visitors this customer identified as; their history joins
    // this customer only once the visitor's grain hands it over, so it is never counted twice.
    private async Task ClaimAnonymousStreamsAsync()
    {
        if (Snapshot.Customer is not { } customer)
        {
            return;
        }

        var claimed = false;
        foreach (var anonymousId in customer.MergedAnonymousIds)
        {
            var stream = CustomerStreams.Anonymous(anonymousId);
            if (Snapshot.GrantedStreams.Contains(stream))
            {
                continue;
            }

            var owner = await GrainFactory.GetGrain<ICustomerGrain>(stream).MergeIntoAsync(GrainKey);
            if (owner == GrainKey)
            {
                Snapshot.GrantedStreams.Add(stream);
                claimed = true;
            }
            else
            {
                _logger.LogWarning("Anonymous history {Stream} already belongs to another customer; not merged twice", stream);
            }
        }

        if (claimed)
        {
            await ReplayAsync();
        }
    }

    private async Task NotifyPresenceAsync(IReadOnlyList<SequencedEvent> events)
    {
        foreach (var e in events)
        {
            if (e.Event.StoreId is not { } storeId || PresenceSignals.Of(e.Event) is not { } signal)
            {
                continue;
            }

            await GrainFactory.GetGrain<IStorePresenceGrain>(storeId).RecordAsync(GrainKey, signal, e.Event.OccurredAt);
        }
    }

    private void PublishToIndex(bool urgent)
    {
        if (CurrentCustomer() is not { } customer)
        {
            return;
        }

        var entry = CustomerIndexProjection.Of(customer, Clock.GetUtcNow(), _values.Current, _rules);
        var filterColumns = CustomerIndexProjection.FilterColumnsHash(entry);
        _index.Enqueue(entry, urgent || filterColumns != _publishedFilterColumns);
        _publishedFilterColumns = filterColumns;
    }

    // Time-driven transitions are a function of the clock, so they are derived on read and never
    // folded into the snapshot: a backfill of old events then never has to undo them.
    private CustomerState? CurrentCustomer()
    {
        if (Snapshot.MergedInto is not null || Snapshot.Customer is not { } customer)
        {
            return null;
        }

        var now = Clock.GetUtcNow();
        if (CustomerEvolver.NextDueAt(customer, _rules) is not { } due || due > now)
        {
            return customer;
        }

        var advanced = JsonSerializer.Deserialize<CustomerState>(JsonSerializer.SerializeToUtf8Bytes(customer))!;
        CustomerEvolver.AdvanceTo(advanced, now, _rules);
        return advanced;
    }

    private async Task WriteSnapshotAsync()
    {
        await _state.WriteStateAsync();
        _appliedSinceSnapshot = 0;
    }
}
