using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerEngine.Domain.Customers;
using CustomerEngine.Domain.Events;
using CustomerEngine.Domain.Views;
using CustomerEngine.Engagement.Handlers;
using CustomerEngine.Engagement.Outcomes;
using CustomerEngine.Engagement.Suggestions;
using CustomerEngine.Grains.DataRights;
using CustomerEngine.Grains.Engagement;
using CustomerEngine.Grains.Presence;
using CustomerEngine.Grains.Runtime;
using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Grains.Value;
using CustomerEngine.Storage.Erasure;
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
    /// <summary>The name the customer's snapshot is stored under.</summary>
    public const string StateName = "customer";

    private readonly IPersistentState<CustomerGrainState> _state;
    private readonly CustomerGrainServices _services;

    // The customer's stored data was erased: this activation must never write its state back.
    private bool _erased;

    // Every event of this customer's streams up to this sequence is already folded: the last full
    // replay read them all, and the log is commit-ordered. Lets redelivered events be skipped.
    private long _coveredThrough;
    private int _appliedSinceSnapshot;

    // This customer's index row, updated in place; made at the first publish of an activation,
    // which the row reports as a change of the filtered columns and so writes at once.
    private CustomerIndexRow? _indexRow;

    // The store the presence grains last said this customer is in, and the last summary pushed to
    // dashboards; in memory only, so a fresh activation pushes its first summary once more.
    private string? _presentInStoreId;
    private PushedSummary? _pushedSummary;

    // The occurrence time (UTC ticks) of the latest signal the store in _presentInStoreId recorded;
    // ticks rather than a DateTimeOffset, which would take 16 bytes in every active customer.
    private long _sightingReportedTicks;

    // The store that last recorded the customer leaving, until it counts them present again.
    private string? _departedStoreId;

    // Derived events the plug-in handlers asked for while events were applied; appended and
    // applied once the batch is folded. Made on first use: most customers never have any.
    private List<DerivedEvent>? _derived;

    // Contact history or suggestions changed since the last snapshot.
    private bool _engagementChanged;

    // The providers' version the current suggestions were decided under (live campaigns move it).
    // In memory only: a fresh activation takes the version of its moment, so reading suggestions
    // after a restart does not decide them again by itself.
    private long _providersVersion;

    /// <summary>Created by the grain runtime.</summary>
    public CustomerGrain(IGrainContext context, IPersistentStateFactory states, CustomerGrainServices services)
    {
        _services = services;
        _state = states.Create<CustomerGrainState>(context, StateName);
        _providersVersion = services.Suggestions.ProvidersVersion;
    }

    private CustomerGrainState Snapshot => _state.State;

    private string[] Streams => [GrainKey, .. Snapshot.GrantedStreams];

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await ReadOnActivationAsync(cancellationToken);
        _services.Activations.Activated(GrainKey);
    }

    private async Task ReadOnActivationAsync(CancellationToken cancellationToken)
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

        var stats = await _services.Log.ReadStreamStatsAsync(Streams, cancellationToken);

        // A snapshot is trusted only when it folded exactly what the log holds with the current
        // fold; anything else (a crash between append and snapshot, a late event, a snapshot from
        // an older build) is settled by a replay.
        if (stats.Count != Snapshot.AppliedCount || stats.MaxSequence != customer.MaxSequence || customer.FoldVersion != CustomerEvolver.FoldVersion)
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
        var unsaved = !_erased && (_appliedSinceSnapshot > 0 || _engagementChanged);
        switch (reason)
        {
            // Another copy has written, or will: the log holds everything this one applied, and the
            // next activation folds it from there.
            case DeactivationReason.StateConflict or DeactivationReason.ChangedElsewhere:
                return;

            // The other node's copy may have read the log before this one's last events: it is told
            // to read again, after this snapshot (which keeps the contact history) is written.
            case DeactivationReason.ActivatedElsewhere when unsaved:
                try
                {
                    await WriteSnapshotAsync();
                }
                catch (GrainStateConflictException)
                {
                    // The other copy wrote first; it still reads again on the notice below.
                }

                _services.Activations.Changed(GrainKey);
                return;
        }

        if (unsaved)
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

        // The stage dashboards and suggestions last saw; only a fresh activation has to work it out.
        var stageBefore = _pushedSummary is { } pushed ? pushed.Stage : CurrentSummary()?.Stage;
        try
        {
            if (!await HoldsStreamsOfAsync(events))
            {
                return CustomerApplyReport.NotHeld;
            }

            await ApplyInOrderAsync(events);
            await ClaimAnonymousStreamsAsync();
            await ApplyDerivedEventsAsync();
        }
        catch
        {
            // The events are durable in the log; a fresh activation replays them.
            DeactivateOnIdle();
            throw;
        }

        var summary = CurrentSummary();
        await NotifyPresenceAsync(events, summary);
        PushSummary(summary);
        var trigger = LastTrigger(events);
        if (trigger is not null || summary?.Stage != stageBefore)
        {
            RefreshSuggestions(trigger, push: trigger?.Type == EventTypes.StoreEntered);
        }

        PublishToIndex(urgent: false, summary);
        if (_appliedSinceSnapshot >= _services.Options.SnapshotEvery)
        {
            await WriteSnapshotAsync();
        }

        return CustomerApplyReport.Applied;
    }

    /// <inheritdoc />
    public async Task CatchUpAsync()
    {
        if (Snapshot.MergedInto is not null || _erased)
        {
            return;
        }

        var stats = await _services.Log.ReadStreamStatsAsync(Streams);
        if (stats.Count == Snapshot.AppliedCount && stats.MaxSequence == (Snapshot.Customer?.MaxSequence ?? 0))
        {
            return;
        }

        await ReplayAsync();
        var summary = CurrentSummary();
        PushSummary(summary);
        RefreshSuggestions(null, push: false);
        PublishToIndex(urgent: true);
        await WriteSnapshotAsync();
    }

    /// <inheritdoc />
    public Task<Customer360?> GetViewAsync()
    {
        var customer = CurrentCustomer();
        return Task.FromResult(customer is null ? null : CustomerViews.To360(customer, Clock.GetUtcNow(), _services.Values.Current, _services.Rules, _services.Models.Current));
    }

    /// <inheritdoc />
    public Task<CustomerSummary?> GetSummaryAsync() => Task.FromResult(CurrentSummary());

    /// <inheritdoc />
    public Task AdvanceClockAsync()
    {
        var stage = CurrentSummary()?.Stage;
        if (stage is not null && stage != _pushedSummary?.Stage)
        {
            // A time-driven lifecycle change (active → atRisk) is a recompute trigger too.
            RefreshSuggestions(null, push: false);
            PushSummary(CurrentSummary());
        }

        PublishToIndex(urgent: true);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Suggestion>> GetSuggestionsAsync()
    {
        if (CurrentCustomer() is null)
        {
            return Task.FromResult<IReadOnlyList<Suggestion>>([]);
        }

        var now = Clock.GetUtcNow();
        if (Snapshot.CatalogVersion != _services.Suggestions.Catalog.Current.Version || _providersVersion != _services.Suggestions.ProvidersVersion || Snapshot.Suggestions.Exists(s => s.ExpiresAt <= now))
        {
            RefreshSuggestions(null, push: false);
        }

        return Task.FromResult<IReadOnlyList<Suggestion>>([.. Snapshot.Suggestions]);
    }

    /// <inheritdoc />
    public async Task<OutcomeRecordResult> RecordOutcomeAsync(string suggestionId, SuggestionOutcome outcome, string? reason, string? recordedBy)
    {
        if (CurrentCustomer() is null)
        {
            return OutcomeRecordResult.NotFound;
        }

        var now = Clock.GetUtcNow();
        var recording = _services.Suggestions.RecordOutcome(Snapshot.Contact, suggestionId, outcome, now);
        if (recording.Status != OutcomeStatus.Recorded || recording.Presentation is not { } presentation)
        {
            return recording.Status == OutcomeStatus.AlreadyRecorded ? OutcomeRecordResult.AlreadyRecorded : OutcomeRecordResult.NotFound;
        }

        Snapshot.Contact = recording.History;
        _engagementChanged = true;

        // The outcome joins the customer's history as an event (its id follows from the
        // suggestion's, so it is stored once), which keeps it in the timeline and in replays.
        var data = new SuggestionOutcomeRecorded(
            suggestionId, presentation.ActionId, presentation.Kind,
            outcome == SuggestionOutcome.Accepted ? SuggestionOutcomeRecorded.Accepted : SuggestionOutcomeRecorded.Dismissed,
            reason);
        var recorded = NewEvent(BoundedId("outcome:" + suggestionId), EventTypes.SuggestionOutcome, now, data);
        await AppendAndApplyAsync([recorded]);
        _services.Logger.LogInformation("Suggestion {SuggestionId} ({ActionId}) {Outcome} by {RecordedBy}", suggestionId, presentation.ActionId, data.Outcome, recordedBy ?? "unknown");
        RefreshSuggestions(null, push: true);
        await WriteSnapshotAsync();
        return OutcomeRecordResult.Recorded;
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
        _services.Index.EnqueueRemoval(GrainKey);
        return customerId;
    }

    /// <inheritdoc />
    public async Task<CustomerExport?> ExportAsync()
    {
        var now = Clock.GetUtcNow();
        if (await GetViewAsync() is not { } view)
        {
            return null;
        }

        return new CustomerExport(now, view, [.. Snapshot.Suggestions], Snapshot.Contact, Streams, await _services.Log.ReadStreamsAsync(Streams, afterSequence: 0));
    }

    /// <inheritdoc />
    public async Task<ErasureRecord?> EraseAsync(string requestedBy)
    {
        if (CurrentCustomer() is null)
        {
            return null;
        }

        var record = await _services.Eraser.EraseAsync(GrainKey, Streams, requestedBy, Clock.GetUtcNow());
        await ForgetAsync();
        return record;
    }

    /// <inheritdoc />
    public Task ForgetAsync()
    {
        // Calls queued behind this turn go to a fresh activation, which reads what the store holds now.
        _erased = true;
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    private async Task ApplyInOrderAsync(IReadOnlyList<SequencedEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        var customer = Snapshot.Customer ??= CustomerEvolver.Create(GrainKey);
        // Most deliveries carry one event: nothing to order.
        IReadOnlyList<SequencedEvent> ordered = events.Count == 1
            ? events
            : [.. events.OrderBy(e => e.Event.OccurredAt).ThenBy(e => e.Sequence)];
        for (var i = 0; i < ordered.Count; i++)
        {
            var e = ordered[i];
            if (e.Sequence <= _coveredThrough)
            {
                continue;
            }

            if (CustomerEvolver.NeedsReplay(customer, e) || _services.Eraser.MayHaveErased(e.Sequence))
            {
                await ReplayAsync();
                return;
            }

            var transitions = CustomerEvolver.Apply(customer, e, _services.Rules, _services.Models.Current);
            Snapshot.AppliedCount++;
            _appliedSinceSnapshot++;
            RunEventHandlers(customer, e.Event, transitions, collectDerived: true);
        }
    }

    // Plug-in handlers see each applied event; their attribute changes are part of the fold (so a
    // replay re-runs them), their derived events are appended to the log once.
    private void RunEventHandlers(CustomerState customer, CustomerEvent applied, IReadOnlyList<Domain.Lifecycle.LifecycleTransition>? transitions, bool collectDerived)
    {
        if (!_services.Suggestions.HasEventHandlers)
        {
            return;
        }

        var result = _services.Suggestions.Dispatch(applied, customer, Clock.GetUtcNow(), transitions);
        foreach (var change in result.AttributeChanges)
        {
            if (change.Value is null)
            {
                customer.Attributes.Remove(change.Key);
            }
            else
            {
                customer.Attributes[change.Key] = change.Value;
            }
        }

        if (collectDerived)
        {
            (_derived ??= []).AddRange(result.DerivedEvents);
        }
    }

    private async Task ApplyDerivedEventsAsync()
    {
        if (_derived is not { Count: > 0 } derived)
        {
            return;
        }

        _derived = null;
        var events = new List<CustomerEvent>(derived.Count);
        foreach (var d in derived)
        {
            var json = new JsonObject
            {
                ["eventId"] = d.EventId,
                ["type"] = d.Type,
                ["occurredAt"] = d.OccurredAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                ["data"] = JsonNode.Parse(d.Data.GetRawText()),
            };
            json[GrainKey.StartsWith(CustomerEvent.AnonymousStreamPrefix, StringComparison.Ordinal) ? "anonymousId" : "customerId"] =
                GrainKey.StartsWith(CustomerEvent.AnonymousStreamPrefix, StringComparison.Ordinal) ? GrainKey[CustomerEvent.AnonymousStreamPrefix.Length..] : GrainKey;
            using var document = JsonDocument.Parse(json.ToJsonString());
            var read = CustomerEventReader.Read(document.RootElement, Clock.GetUtcNow(), new EventReadOptions());
            if (read.Event is { } valid)
            {
                events.Add(valid);
            }
            else
            {
                _services.Logger.LogError("Plug-in {Handler} emitted an invalid {Type} event: {Field} {Error}; dropped", d.HandlerName, d.Type, read.Field, read.Error);
            }
        }

        await AppendAndApplyAsync(events);

        // Events a handler derives from derived events are not chased further: one level keeps a
        // pair of handlers from feeding each other forever.
        _derived = null;
    }

    private async Task AppendAndApplyAsync(IReadOnlyList<CustomerEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        var outcomes = await _services.Log.AppendAsync([.. events.Select(e => new EventToAppend(e.EventId, e.StreamKey, e.Type, e.OccurredAt, CustomerEventJson.Serialize(e)))], CancellationToken.None);
        var appended = events.Select((e, i) => (e, outcomes[i].Sequence)).Where(x => x.Sequence is not null).Select(x => new SequencedEvent(x.Sequence!.Value, x.e)).ToList();
        await ApplyInOrderAsync(appended);
    }

    private CustomerEvent NewEvent(string eventId, string type, DateTimeOffset at, EventData data)
    {
        var anonymous = GrainKey.StartsWith(CustomerEvent.AnonymousStreamPrefix, StringComparison.Ordinal);
        return new CustomerEvent(eventId, anonymous ? null : GrainKey, anonymous ? GrainKey[CustomerEvent.AnonymousStreamPrefix.Length..] : null, type, at, _presentInStoreId, null, data);
    }

    private static CustomerEvent? LastTrigger(IReadOnlyList<SequencedEvent> events)
    {
        for (var i = events.Count - 1; i >= 0; i--)
        {
            if (SuggestionTriggers.Recompute(events[i].Event.Type))
            {
                return events[i].Event;
            }
        }

        return null;
    }

    // Event ids are at most 128 characters; a long suggestion id is replaced by its hash, which is as unique.
    private static string BoundedId(string id) =>
        id.Length <= 128 ? id : "outcome:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id)));

    private void RefreshSuggestions(CustomerEvent? trigger, bool push)
    {
        if (CurrentCustomer() is not { } customer)
        {
            return;
        }

        // Read before deciding: a campaign change during the decision must make the next read decide again.
        var providersVersion = _services.Suggestions.ProvidersVersion;
        var result = _services.Suggestions.Arbitrate(customer, Clock.GetUtcNow(), _services.Values.Current, _services.Rules, _services.Models.Current, Snapshot.Contact, trigger, _presentInStoreId);
        var changed = result.Changed || Snapshot.Suggestions.Count != result.Suggestions.Count;
        Snapshot.Contact = result.History;
        // Most decisions re-rank to the same suggestions: keeping the held ones lets the fresh
        // copies die young instead of being promoted with the customer's state.
        if (!Snapshot.Suggestions.SequenceEqual(result.Suggestions))
        {
            Snapshot.Suggestions = [.. result.Suggestions];
        }

        Snapshot.CatalogVersion = _services.Suggestions.Catalog.Current.Version;
        _providersVersion = providersVersion;
        _engagementChanged = true;
        if (changed || push)
        {
            _services.Engagement.SuggestionsUpdated(GrainKey, _presentInStoreId, result.Suggestions);
        }
    }

    private async Task ReplayAsync()
    {
        var stored = await _services.Log.ReadStreamsAsync(Streams, afterSequence: 0);
        var events = stored.Select(s => new SequencedEvent(s.Sequence, CustomerEventJson.Deserialize(s.Payload)));

        // A customer exists from its first event on; a read of an unknown id must not create one.
        Snapshot.Customer = stored.Count == 0 ? null : ReplayWithHandlers(events);
        Snapshot.AppliedCount = stored.Count;
        _coveredThrough = stored.Count == 0 ? 0 : stored[^1].Sequence;
        if (stored.Count > 0)
        {
            _appliedSinceSnapshot++;
        }
    }

    private CustomerState ReplayWithHandlers(IEnumerable<SequencedEvent> events)
    {
        if (!_services.Suggestions.HasEventHandlers)
        {
            return CustomerEvolver.Replay(GrainKey, events, _services.Rules, _services.Models.Current);
        }

        // The same order and de-duplication as CustomerEvolver.Replay, with the handlers' attribute
        // changes folded in; their derived events are in the log already.
        var customer = CustomerEvolver.Create(GrainKey);
        SequencedEvent? previous = null;
        foreach (var e in events.OrderBy(x => x.Event.OccurredAt).ThenBy(x => x.Sequence))
        {
            if (previous is { } p && p.Sequence == e.Sequence)
            {
                continue;
            }

            var transitions = CustomerEvolver.Apply(customer, e, _services.Rules, _services.Models.Current);
            RunEventHandlers(customer, e.Event, transitions, collectDerived: false);
            previous = e;
        }

        return customer;
    }

    // Another stream's events come only from a visitor merged here. One this customer does not
    // hold may not have been claimed yet (a restart between the visitor's merge and this
    // customer's next snapshot), so claiming runs first; a visitor still not held was erased with
    // this customer after its activation read that it was merged here.
    private async Task<bool> HoldsStreamsOfAsync(IReadOnlyList<SequencedEvent> events)
    {
        if (IsHeld(events))
        {
            return true;
        }

        await ClaimAnonymousStreamsAsync();
        return IsHeld(events);
    }

    private bool IsHeld(IReadOnlyList<SequencedEvent> events)
    {
        foreach (var e in events)
        {
            var stream = e.Event.StreamKey;
            if (!string.Equals(stream, GrainKey, StringComparison.Ordinal) && !Snapshot.GrantedStreams.Contains(stream))
            {
                return false;
            }
        }

        return true;
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
                _services.Logger.LogWarning("Anonymous history {Stream} already belongs to another customer; not merged twice", stream);
            }
        }

        if (claimed)
        {
            await ReplayAsync();
        }
    }

    private async Task NotifyPresenceAsync(IReadOnlyList<SequencedEvent> events, CustomerSummary? summary)
    {
        if (summary is null)
        {
            return;
        }

        foreach (var e in events)
        {
            if (e.Event.StoreId is not { } storeId || PresenceSignals.Of(e.Event) is not { } signal)
            {
                continue;
            }

            var at = e.Event.OccurredAt;
            if (signal == PresenceSignal.Seen && !SightingMatters(storeId, at))
            {
                continue;
            }

            var present = await GrainFactory.GetGrain<IStorePresenceGrain>(storeId).RecordAsync(GrainKey, signal, at, summary);
            if (present)
            {
                _sightingReportedTicks = storeId == _presentInStoreId ? Math.Max(_sightingReportedTicks, at.UtcTicks) : at.UtcTicks;
                if (_departedStoreId == storeId)
                {
                    _departedStoreId = null;
                }

                _presentInStoreId = SharedStoreId(storeId);
            }
            else
            {
                if (_presentInStoreId == storeId)
                {
                    _presentInStoreId = null;
                }

                if (signal == PresenceSignal.Left)
                {
                    _departedStoreId = SharedStoreId(storeId);
                }
            }
        }
    }

    // The instance every customer shares: the event's is a fresh copy per request that would
    // otherwise live as long as the visit.
    private string SharedStoreId(string storeId) => Snapshot.Customer?.SharedStoreId(storeId) ?? storeId;

    // A call per in-store event was a third of ingestion's grain calls and spans (decision 81).
    // A sighting is reported when it can change who the store counts as present, or when it moves
    // a present customer's "last seen" time by at least the sighting interval. A store the customer
    // left counts them present again only after an entry, which is always reported.
    private bool SightingMatters(string storeId, DateTimeOffset at) =>
        storeId != _departedStoreId
        && (storeId != _presentInStoreId || at.UtcTicks - _sightingReportedTicks >= _services.Presence.SightingInterval.Ticks);

    // Returns at once: the publisher buffers, coalesces and sends on its own schedule.
    private void PushSummary(CustomerSummary? summary)
    {
        if (summary is null)
        {
            return;
        }

        var pushed = PushedSummary.Of(summary);
        if (pushed == _pushedSummary)
        {
            return;
        }

        _services.Engagement.CustomerUpdated(_presentInStoreId, summary);
        _pushedSummary = pushed;
    }

    private CustomerSummary? CurrentSummary() =>
        CurrentCustomer() is { } customer ? CustomerViews.ToSummary(customer, Clock.GetUtcNow(), _services.Values.Current, _services.Rules, _services.Models.Current) : null;

    // A caller that has just made the customer's summary passes it, sparing a second one per event.
    private void PublishToIndex(bool urgent, CustomerSummary? summary = null)
    {
        if (CurrentCustomer() is not { } customer)
        {
            return;
        }

        summary ??= CustomerViews.ToSummary(customer, Clock.GetUtcNow(), _services.Values.Current, _services.Rules, _services.Models.Current);
        _indexRow ??= new CustomerIndexRow(GrainKey);
        var filterColumnsChanged = _indexRow.Update(customer, summary, _services.Rules, _services.Models.Current);
        _services.Index.Enqueue(_indexRow, urgent || filterColumnsChanged);
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
        var model = _services.Models.Current;
        if (CustomerEvolver.NextDueAt(customer, _services.Rules, model) is not { } due || due > now)
        {
            return customer;
        }

        var advanced = JsonSerializer.Deserialize<CustomerState>(JsonSerializer.SerializeToUtf8Bytes(customer))!;
        CustomerEvolver.AdvanceTo(advanced, now, _services.Rules, model);
        return advanced;
    }

    private async Task WriteSnapshotAsync()
    {
        await _state.WriteStateAsync();
        _appliedSinceSnapshot = 0;
    }
}
