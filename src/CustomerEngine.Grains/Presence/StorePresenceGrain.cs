using CustomerEngine.Domain.Presence;
using CustomerEngine.Domain.Views;
using CustomerEngine.Grains.Engagement;
using CustomerEngine.Grains.Runtime;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Grains.Presence;

/// <summary>
/// A thin shell over <see cref="StorePresence"/>. Presence changes with every visit, so it is
/// written behind a short activation timer instead of on every event. Arrivals, departures and
/// time-outs are pushed to the store's dashboards from here, the one place that decides presence.
/// </summary>
public sealed class StorePresenceGrain : Grain, IStorePresenceGrain, IRemindable
{
    private const string TimeOutReminder = "presence-timeouts";

    private readonly IPersistentState<StorePresence> _state;
    private readonly IEngagementPublisher _engagement;
    private readonly StorePresenceDirectory _directory;
    private readonly PresenceOptions _options;
    private IDisposable? _flushTimer;

    // Whether this activation registered the time-out reminder; registering is a write, so it is
    // done once per activation while anyone is present rather than on every arrival.
    private bool _watchingTimeOuts;

    // The customers announced as arrived and not yet as gone: what the directory counts. Kept as
    // arrivals and departures are announced, because recounting the whole store on every arrival
    // cost more than the rest of the presence work together.
    private readonly HashSet<string> _announced = new(StringComparer.Ordinal);

    /// <summary>Created by the grain runtime.</summary>
    public StorePresenceGrain(IGrainContext context, IPersistentStateFactory states, IEngagementPublisher engagement, StorePresenceDirectory directory, IOptions<PresenceOptions> options)
    {
        _state = states.Create<StorePresence>(context, "presence");
        _engagement = engagement;
        _directory = directory;
        _options = options.Value;
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

        _flushTimer ??= RegisterTimer(_ => FlushAsync(), _options.FlushInterval, Timeout.InfiniteTimeSpan);
        if (isPresent && !_watchingTimeOuts)
        {
            // A reminder, not a timer: a quiet store's activation is collected long before a
            // two-hour time-out, and its dashboards must still see the customer go.
            await RegisterOrUpdateReminderAsync(TimeOutReminder, _options.TimeOutCheckInterval, _options.TimeOutCheckInterval);
            _watchingTimeOuts = true;
        }

        return isPresent;
    }

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The state was just read: a store re-activated after a restart tells the directory who is
        // still in it. A store nobody ever entered (a dashboard asked for a wrong id) stays out.
        if (_state.State.Customers.Count > 0)
        {
            foreach (var present in _state.State.Present(Clock.GetUtcNow(), _options.Timeout))
            {
                _announced.Add(present.CustomerId);
            }

            ReportPresentCount();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PresentCustomer>> GetPresentAsync() =>
        Task.FromResult(_state.State.Present(Clock.GetUtcNow(), _options.Timeout));

    /// <inheritdoc />
    public Task<CustomerPresenceRecord?> GetCustomerAsync(string customerId) =>
        Task.FromResult(_state.State.Customers.TryGetValue(customerId, out var presence)
            ? new CustomerPresenceRecord(GrainKey, customerId, presence.EnteredAt, presence.LeftAt, presence.LastSeenAt, _state.State.IsPresent(customerId, Clock.GetUtcNow(), _options.Timeout))
            : null);

    /// <inheritdoc />
    public async Task ForgetAsync(string customerId)
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
        if (reminderName != TimeOutReminder)
        {
            return;
        }

        var now = Clock.GetUtcNow();
        if (AnnounceTimeOutsAndPrune(now) > 0)
        {
            _flushTimer ??= RegisterTimer(_ => FlushAsync(), _options.FlushInterval, Timeout.InfiniteTimeSpan);
        }

        if (_state.State.Present(now, _options.Timeout).Count == 0)
        {
            await UnregisterReminderAsync(TimeOutReminder);
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

        presence.Prune(now, _options.Timeout);
        if (gone.Count > 0)
        {
            ReportPresentCount();
        }

        return gone.Count;
    }

    private void ReportPresentCount() => _directory.Report(GrainKey, _announced.Count);
}
