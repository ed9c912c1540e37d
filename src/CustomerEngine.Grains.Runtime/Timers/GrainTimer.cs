using CustomerEngine.Grains.Runtime.Activation;
using CustomerEngine.Grains.Runtime.Telemetry;

namespace CustomerEngine.Grains.Runtime.Timers;

/// <summary>
/// A timer owned by one activation. The underlying timer is one-shot and re-armed only after a tick's
/// callback has completed, which is what keeps ticks from overlapping.
/// </summary>
internal sealed class GrainTimer : IDisposable
{
    private readonly GrainActivation _activation;
    private readonly Func<CancellationToken, Task> _callback;
    private readonly TimeSpan _period;
    private readonly CancellationTokenSource _disposal = new();
    private readonly Lock _lock = new();
    private ITimer? _timer;
    private bool _disposed;

    public GrainTimer(GrainActivation activation, Func<CancellationToken, Task> callback, TimeSpan period)
    {
        _activation = activation;
        _callback = callback;
        _period = period;
    }

    public void Start(TimeSpan dueTime)
    {
        // Ticks must not inherit the async-locals (e.g. the current Activity) of the call that happened
        // to register the timer.
        var restoreFlow = !ExecutionContext.IsFlowSuppressed();
        var flowControl = restoreFlow ? ExecutionContext.SuppressFlow() : default;
        try
        {
            lock (_lock)
            {
                if (_disposed)
                {
                    return;
                }

                // Created disarmed and armed afterwards so a zero due time cannot fire before _timer is set.
                _timer = _activation.Runtime.Clock.CreateTimer(static state => ((GrainTimer)state!).OnDue(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                _timer.Change(dueTime, Timeout.InfiniteTimeSpan);
            }
        }
        finally
        {
            if (restoreFlow)
            {
                flowControl.Undo();
            }
        }
    }

    private void OnDue() =>
        // Off the timer's thread: a manual clock fires timers inline, and ticks should not run there.
        ThreadPool.UnsafeQueueUserWorkItem(static timer => _ = timer.TickAsync(), this, preferLocal: false);

    private async Task TickAsync()
    {
        var cancellationToken = _disposal.Token;
        bool activationAlive;
        try
        {
            activationAlive = await _activation.RunTimerTickAsync(_callback, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception exception)
        {
            GrainRuntimeLog.TimerCallbackFailed(_activation.Runtime.Logger, exception, _activation.InterfaceType.Name);
            activationAlive = true;
        }

        if (!activationAlive)
        {
            Dispose();
            return;
        }

        if (_period == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        lock (_lock)
        {
            if (!_disposed)
            {
                _timer?.Change(_period, Timeout.InfiniteTimeSpan);
            }
        }
    }

    public void Dispose()
    {
        ITimer? timer;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            timer = _timer;
            _timer = null;
        }

        timer?.Dispose();
        _activation.RemoveTimer(this);

        // Outside the lock: cancelling runs the callback's registrations inline. The source is not
        // disposed because a queued tick may still read its token.
        _disposal.Cancel();
    }
}
