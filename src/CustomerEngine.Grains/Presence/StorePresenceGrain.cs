using CustomerEngine.Domain.Presence;
using CustomerEngine.Domain.Views;
using CustomerEngine.Grains.Engagement;
using CustomerEngine.Grains.Nodes;
using CustomerEngine.Grains.Runtime;
using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Storage.Notifications;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Grains.Presence;

/// <summary>
/// A thin shell over <see cref="StorePresence"/>. Presence changes with every visit, so it is
/// written behind a short activation timer instead of on every event. Arrivals, departures and
/// time-outs are pushed to the store's dashboards from here, the one place that decides presence.
/// </summary>
/// <remarks>
/// On a store several nodes share, each node's activation keeps its own record of the store (its
/// customers are routed to it), written under a state named after the node, with a time-out
/// reminder that stays with that node (<see cref="NodeOwnedReminders"/>). Reads merge every node's
/// record; a record whose node is gone is taken over by whichever node its reminder reaches.
/// </remarks>
public sealed class StorePresenceGrain : Grain, IStorePresenceGrain, IRemindable
{
    private const string StateName = "presence";
    private const string TimeOutReminder = "presence-timeouts";

    /// <summary>The topic on which an erasure asks every node to forget a customer in its record of a store.</summary>
    public const string ForgetTopic = "presence.forget";

    private readonly IPersistentState<StorePresence> _state;
    private readonly IEngagementPublisher _engagement;
    private readonly StorePresenceDirectory _directory;
    private readonly PresenceOptions _options;
    private readonly INodeNotifications _nodes;
    private readonly NodePeers _peers;
    private readonly NodeOwnedStates _records;
    private readonly string _reminderName;
    private IDisposable? _flushTimer;

    // Whether this activation registered the time-out reminder; registering is a write, so it is
    // done once per activation while anyone is present rather than on every arrival.
    private bool _watchingTimeOuts;

    // The customers announced as arrived and not yet as gone: what the directory counts. Kept as
    // arrivals and departures are announced, because recounting the whole store on every arrival
    // cost more than the rest of the presence work together.
    private readonly HashSet<string> _announced = new(StringComparer.Ordinal);

    /// <summary>Created by the grain runtime.</summary>
    public StorePresenceGrain(
        IGrainContext context,
        IPersistentStateFactory states,
        IEngagementPublisher engagement,
        StorePresenceDirectory directory,
        IOptions<PresenceOptions> options,
        INodeNotifications nodes,
        NodePeers peers)
    {
        // Alone on its store a node keeps the names it always had, so an existing file reads back.
        _records = new NodeOwnedStates(states, context, nodes, StateName);
        _reminderName = NodeOwnedName.ForThisNode(TimeOutReminder, nodes);
        _state = states.Create<StorePresence>(context, _records.Own);
        _engagement = engagement;
        _directory = directory;
        _options = options.Value;
        _nodes = nodes;
        _peers = peers;
    }

    /// <inheritdoc />
    public async Task<bool> RecordAsync(string customerId, PresenceSignal signal, DateTimeOffset at, CustomerSummary summary)
    {
        var presence = _state.State;
        var now = Clock.GetUtcNow();
        var wasPresent = presence.IsPresent(customerId, now, _options.Timeout);
        switch (signal)
        {
            case PresenceSignal.Entered:
                presence.Enter(customerId, at);
                break;
            case PresenceSignal.Left:
                presence.Leave(customerId, at);
                break;
            default:
                presence.Seen(customerId, at);
                break;
        }

        // Judged on the state, not the signal: a late or stale signal may change nothing, and an
        // in-store sighting after a time-out brings the customer back.
        var isPresent = presence.IsPresent(customerId, now, _options.Timeout);
        if (isPresent && !wasPresent)
        {
            _engagement.CustomerArrived(GrainKey, summary);
            if (_announced.Add(customerId))
            {
                ReportPresentCount();
            }
        }
        else if (wasPresent && !isPresent)
        {
            _engagement.CustomerLeft(GrainKey, customerId);
            if (_announced.Remove(customerId))
            {
                ReportPresentCount();
            }
        }
        else if (signal == PresenceSignal.Left && !isPresent && _nodes.IsShared)
        {
            // Another node's record may have them present (they were failed over to this node), and
            // dashboards list what every record says: they are told of the departure all the same.
            _engagement.CustomerLeft(GrainKey, customerId);
        }

        _flushTimer ??= RegisterTimer(_ => FlushAsync(), _options.FlushInterval, Timeout.InfiniteTimeSpan);
        if (isPresent)
        {
            await WatchTimeOutsAsync();
        }

        return isPresent;
    }

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The state was just read: a store re-activated after a restart tells the directory who is
        // still in it. A store nobody ever entered (a dashboard asked for a wrong id) stays out.
        if (_state.State.Customers.Count > 0)
        {
            AnnounceStoredPresent();
        }

        if (_nodes.IsShared)
        {
            foreach (var stateName in await _records.GoneAsync(_peers))
            {
                await TakeOverAsync(stateName);
            }
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PresentCustomer>> GetPresentAsync() =>
        (await MergedAsync()).Present(Clock.GetUtcNow(), _options.Timeout);

    /// <inheritdoc />
    public async Task<CustomerPresenceRecord?> GetCustomerAsync(string customerId)
    {
        var merged = await MergedAsync();
        return merged.Customers.TryGetValue(customerId, out var presence)
            ? new CustomerPresenceRecord(GrainKey, customerId, presence.EnteredAt, presence.LeftAt, presence.LastSeenAt, merged.IsPresent(customerId, Clock.GetUtcNow(), _options.Timeout))
            : null;
    }

    /// <inheritdoc />
    public async Task ForgetAsync(string customerId)
    {
        // A live node's record is its own to write (a write from here would only make its next
        // one fail), so it is asked below; a gone node's is taken over, then forgotten here.
        foreach (var stateName in await _records.GoneAsync(_peers))
        {
            await TakeOverAsync(stateName);
        }

        if (_peers.Any)
        {
            // Also when no other record is stored yet: another node may hold the customer unwritten.
            _nodes.Publish(ForgetTopic, $"{GrainKey}\n{customerId}");
        }

        await ForgetHereAsync(customerId);
    }

    /// <inheritdoc />
    public async Task ForgetHereAsync(string customerId)
    {
        if (!_state.State.Customers.Remove(customerId))
        {
            return;
        }

        if (_announced.Remove(customerId))
        {
            _engagement.CustomerLeft(GrainKey, customerId);
            ReportPresentCount();
        }

        // Not behind the flush timer: an erasure must not wait for it, nor be lost with the process.
        await FlushAsync();
    }

    /// <inheritdoc />
    public async Task ReceiveReminderAsync(string reminderName, DateTimeOffset dueAt)
    {
        if (reminderName != _reminderName)
        {
            if (NodeOwnedName.IsA(reminderName, TimeOutReminder))
            {
                // Another node's, given to this one because that node is gone (or, unnamed, from
                // before the store was shared): its record becomes part of this node's.
                await _peers.RefreshAsync(CancellationToken.None);
                if (!NodeOwnedName.OwnerIsGone(reminderName, _peers))
                {
                    // Its node connected after the reminder was claimed: it is still that node's.
                    return;
                }

                var owner = NodeOwnedName.OwnerOf(reminderName);
                await TakeOverAsync(owner is null ? StateName : NodeOwnedName.Of(StateName, owner));
                await UnregisterReminderAsync(reminderName);
            }

            return;
        }

        var now = Clock.GetUtcNow();
        if (AnnounceTimeOutsAndPrune(now) > 0)
        {
            _flushTimer ??= RegisterTimer(_ => FlushAsync(), _options.FlushInterval, Timeout.InfiniteTimeSpan);
        }

        if (_state.State.Present(now, _options.Timeout).Count == 0)
        {
            await UnregisterReminderAsync(_reminderName);
            _watchingTimeOuts = false;
        }
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // After a conflict the stored presence is newer than this copy; the next activation reads it.
        if (_flushTimer is not null && reason != DeactivationReason.StateConflict)
        {
            await FlushAsync();
        }
    }

    private async Task FlushAsync()
    {
        _flushTimer?.Dispose();
        _flushTimer = null;
        AnnounceTimeOutsAndPrune(Clock.GetUtcNow());
        try
        {
            await _state.WriteStateAsync();
        }
        catch
        {
            // The store is unreachable: try again at the next interval, and let deactivation know
            // there is an unwritten change, or a quiet store would lose it for good.
            _flushTimer = RegisterTimer(_ => FlushAsync(), _options.FlushInterval, Timeout.InfiniteTimeSpan);
            throw;
        }
    }

    // Pruning forgets timed-out customers, so they are announced right before it: each time-out
    // is announced once, whichever of the flush and the reminder gets there first. An announced
    // customer who stopped being present without a departure being announced (a late leave after
    // a time-out) is announced gone here too, so the count never drifts.
    private int AnnounceTimeOutsAndPrune(DateTimeOffset now)
    {
        var presence = _state.State;
        var gone = new HashSet<string>(presence.TimedOut(now, _options.Timeout), StringComparer.Ordinal);
        foreach (var customerId in _announced)
        {
            if (!presence.IsPresent(customerId, now, _options.Timeout))
            {
                gone.Add(customerId);
            }
        }

        foreach (var customerId in gone)
        {
            _engagement.CustomerLeft(GrainKey, customerId);
            _announced.Remove(customerId);
        }

        // Early forgetting is for a record no other node's can contradict (PresenceOptions.DepartedRetention).
        presence.Prune(now, _options.Timeout, _nodes.IsShared ? null : _options.DepartedRetention);
        if (gone.Count > 0)
        {
            ReportPresentCount();
        }

        return gone.Count;
    }

    private void ReportPresentCount() => _directory.Report(GrainKey, _announced.Count);

    private void AnnounceStoredPresent()
    {
        foreach (var present in _state.State.Present(Clock.GetUtcNow(), _options.Timeout))
        {
            _announced.Add(present.CustomerId);
        }

        ReportPresentCount();
    }

    private async Task WatchTimeOutsAsync()
    {
        if (!_watchingTimeOuts)
        {
            // A reminder, not a timer: a quiet store's activation is collected long before a
            // two-hour time-out, and its dashboards must still see the customer go.
            await RegisterOrUpdateReminderAsync(_reminderName, _options.TimeOutCheckInterval, _options.TimeOutCheckInterval);
            _watchingTimeOuts = true;
        }
    }

    // This node's record with every other node's merged in, read now: what the store holds, for a
    // dashboard that joins or an export. Another node's record is as it last wrote it, within the
    // flush interval; writing on every arrival instead cost a fifth of ingest (decision 69).
    private async Task<StorePresence> MergedAsync()
    {
        var others = await _records.ReadOthersAsync<StorePresence>();
        if (others.Count == 0)
        {
            return _state.State;
        }

        var merged = new StorePresence();
        merged.Merge(_state.State);
        foreach (var theirs in others.Values)
        {
            merged.Merge(theirs);
        }

        return merged;
    }

    // Merges the record of a node that is gone into this node's, writes it, and only then removes
    // the old one, so a failure in between leaves the customers in both rather than in neither
    // (merging is idempotent). The customers it held are this node's to time out from now on;
    // its dashboards were told of their arrivals by the node that had them.
    private async Task TakeOverAsync(string stateName)
    {
        var theirs = await _records.ReadAsync<StorePresence>(stateName);
        if (!theirs.RecordExists)
        {
            return;
        }

        _state.State.Merge(theirs.State);
        AnnounceStoredPresent();
        await FlushAsync();
        try
        {
            await theirs.ClearStateAsync();
        }
        catch (GrainStateConflictException)
        {
            // Its node came back and wrote it, or another node took it over first: it stays theirs.
        }

        if (_announced.Count > 0)
        {
            await WatchTimeOutsAsync();
        }
    }
}
