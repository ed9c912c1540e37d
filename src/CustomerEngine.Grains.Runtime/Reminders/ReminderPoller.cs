using System.Collections.Concurrent;
using CustomerEngine.Grains.Runtime.Telemetry;

namespace CustomerEngine.Grains.Runtime.Reminders;

/// <summary>
/// Periodically reads due reminders, claims each, delivers it as a grain call and then moves it to its
/// next period. A reminder still being delivered is not delivered again by later polls, and one claimed
/// by another runtime over the same table (another node) is left to it, as is one the
/// <see cref="IReminderClaimFilter"/> keeps for another node.
/// </summary>
internal sealed class ReminderPoller(GrainRuntime runtime, IReminderTable table, IReminderClaimFilter? filter)
{
    private const int BatchSize = 1000;

    private readonly ConcurrentDictionary<(string GrainType, string Key, string Name), Task> _inFlight = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public void Start() => _loop = RunAsync();

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(runtime.Options.ReminderPollInterval, runtime.Clock);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                await PollAsync(waitForDeliveries: false, _stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>Starts delivering every due reminder; optionally waits until those deliveries and reschedules are done.</summary>
    public async Task PollAsync(bool waitForDeliveries, CancellationToken cancellationToken)
    {
        IReadOnlyList<ReminderEntry> due;
        try
        {
            due = await table.ReadDueAsync(runtime.Clock.GetUtcNow(), BatchSize, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            GrainRuntimeLog.ReminderTableFailed(runtime.Logger, exception);
            return;
        }

        List<Task>? started = waitForDeliveries ? [] : null;
        foreach (var entry in due)
        {
            if (filter is not null && !filter.MayClaim(entry))
            {
                continue;
            }

            var id = (entry.GrainType, entry.Key, entry.Name);
            var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!_inFlight.TryAdd(id, delivered.Task))
            {
                continue;
            }

            _ = DeliverAsync(entry, id, delivered);
            started?.Add(delivered.Task);
        }

        if (started is { Count: > 0 })
        {
            await Task.WhenAll(started).ConfigureAwait(false);
        }
    }

    private async Task DeliverAsync(ReminderEntry entry, (string, string, string) id, TaskCompletionSource delivered)
    {
        try
        {
            if (!runtime.TryGetGrainType(entry.GrainType, out var grainType))
            {
                // Another service sharing the table may own it.
                GrainRuntimeLog.ReminderForUnknownGrainType(runtime.Logger, entry.GrainType, entry.Name);
                return;
            }

            // Whole milliseconds, so the lease reads back exactly from every table (SQLite keeps milliseconds).
            var leaseUntil = runtime.Clock.GetUtcNow() + runtime.Options.ReminderClaimLease;
            leaseUntil = DateTimeOffset.FromUnixTimeMilliseconds(leaseUntil.ToUnixTimeMilliseconds());
            if (!await table.TryClaimAsync(entry, leaseUntil).ConfigureAwait(false))
            {
                return;
            }

            try
            {
                await grainType.FireReminderAsync(entry.Key, entry.Name, entry.DueAt).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                GrainRuntimeLog.ReminderDeliveryFailed(runtime.Logger, exception, entry.GrainType, entry.Name);
            }

            await RescheduleAsync(entry, entry with { DueAt = leaseUntil }).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            GrainRuntimeLog.ReminderTableFailed(runtime.Logger, exception);
        }
        finally
        {
            _inFlight.TryRemove(id, out _);
            delivered.SetResult();
        }
    }

    private async Task RescheduleAsync(ReminderEntry delivered, ReminderEntry claimed)
    {
        // The grain may have unregistered or replaced the reminder while handling it; only a reminder
        // that is still exactly as claimed is moved on, otherwise the grain's change would be undone.
        var next = NextDueAfter(delivered.DueAt, delivered.Period, runtime.Clock.GetUtcNow());
        await table.TryClaimAsync(claimed, next).ConfigureAwait(false);
    }

    /// <summary>The first <c>dueAt + k * period</c> (k ≥ 1) strictly after <paramref name="now"/>: missed ticks are skipped, not replayed.</summary>
    private static DateTimeOffset NextDueAfter(DateTimeOffset dueAt, TimeSpan period, DateTimeOffset now)
    {
        var elapsedTicks = Math.Max(0, (now - dueAt).Ticks);
        var periods = elapsedTicks / period.Ticks + 1;
        return dueAt + TimeSpan.FromTicks(periods * period.Ticks);
    }

    /// <summary>Stops polling and waits for deliveries in progress, or until <paramref name="cancellationToken"/> fires.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        try
        {
            await Task.WhenAll(_inFlight.Values).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
