using CustomerEngine.Grains.Runtime.Calls;
using CustomerEngine.Grains.Runtime.Reminders;
using CustomerEngine.Grains.Runtime.Telemetry;
using CustomerEngine.Grains.Runtime.Timers;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerEngine.Grains.Runtime.Activation;

/// <summary>
/// One live grain: its instance, its mailbox (the turn) and its lifecycle. Everything that runs grain
/// code (calls, timer ticks, activation, deactivation) holds the turn, except interleaved calls.
/// </summary>
/// <remarks>
/// The state only becomes <see cref="ActivationState.Deactivated"/> while the turn is held, and the
/// activation leaves the directory before that, so whoever acquires the turn and still sees the
/// activation alive can use it for the whole turn; whoever sees it deactivated looks up a fresh one.
/// </remarks>
internal sealed class GrainActivation : IGrainContext
{
    [ThreadStatic]
    private static GrainActivation? t_constructing;

    // SemaphoreSlim queues async waiters FIFO and hands the count straight to the next waiter on
    // Release, so callers cannot overtake queued ones.
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly RegisteredGrainType _grainType;
    private List<GrainTimer>? _timers;
    private List<Func<CancellationToken, Task>>? _activationSteps;
    private bool _activationStepsStarted;
    private int _state = ActivationState.Created;
    private int _interleavedCalls;
    private int _deactivationRequested;
    private long _lastUsedUtcTicks;
    private Grain? _grain;
    private AsyncServiceScope? _scope;

    public GrainActivation(RegisteredGrainType grainType, string key)
    {
        _grainType = grainType;
        GrainKey = key;
        _lastUsedUtcTicks = grainType.Runtime.Clock.GetUtcNow().UtcTicks;
    }

    /// <summary>The activation whose grain instance is being constructed on this thread, if any.</summary>
    public static GrainActivation? Constructing => t_constructing;

    public string GrainKey { get; }

    public Type InterfaceType => _grainType.InterfaceType;

    public GrainRuntime Runtime => _grainType.Runtime;

    public bool IsDeactivated => Volatile.Read(ref _state) == ActivationState.Deactivated;

    public void RegisterActivationStep(Func<CancellationToken, Task> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (_activationStepsStarted)
        {
            throw new InvalidOperationException(
                "Activation steps (such as persistent state) must be registered from the grain's constructor.");
        }

        (_activationSteps ??= []).Add(step);
    }

    /// <summary>Runs a call in this activation (or in a fresh one if this one is being deactivated).</summary>
    public Task<TResult> InvokeAsync<TResult>(GrainMethod<TResult> method, object?[] args)
    {
        if (method.IsInterleaved)
        {
            return InvokeInterleaved(method, args);
        }

        // Taking the turn here, on the caller's stack, is what orders this call behind the ones
        // already made; the grain code itself then starts on the thread pool (see InvokeQueuedAsync).
        var holdsTurn = Volatile.Read(ref _state) == ActivationState.Active && _turn.Wait(0);
        return InvokeQueuedAsync(method, args, holdsTurn);
    }

    private async Task<TResult> InvokeQueuedAsync<TResult>(GrainMethod<TResult> method, object?[] args, bool holdsTurn)
    {
        // The async builder restores the caller's context when this method yields, so clearing it here
        // only keeps grain code off the caller's SynchronizationContext.
        SuppressSynchronizationContext();

        // Like a message in Orleans, a call never runs grain code (or an activation's reads) on its
        // caller's stack: a caller that makes many calls, such as a batch delivered to a hundred
        // customers, is not held up by each grain in turn, and the grains run side by side.
        if (!holdsTurn)
        {
            var waiting = _turn.WaitAsync();
            holdsTurn = true;
            if (!waiting.IsCompleted)
            {
                // SemaphoreSlim resumes its waiters on the thread pool, never on the releaser's stack.
                await waiting.ConfigureAwait(false);
            }
            else
            {
                await default(ThreadPoolHop);
            }
        }
        else
        {
            await default(ThreadPoolHop);
        }

        // The turn is held from here. Most calls find the activation active and skip the async path,
        // which would allocate a task per call just to hand back this activation.
        var target = Volatile.Read(ref _state) == ActivationState.Active ? this : await AcquireActiveTurnAsync(holdsTurn: true).ConfigureAwait(false);
        try
        {
            return await target.StartGrainCode(method, args).ConfigureAwait(false);
        }
        finally
        {
            target.ExitTurn(countsAsUse: true);
        }
    }

    private Task<TResult> InvokeInterleaved<TResult>(GrainMethod<TResult> method, object?[] args)
    {
        // Counting before checking the state pairs with TryBeginIdleCollection, which sets the state
        // before reading the count: one of the two always sees the other.
        Interlocked.Increment(ref _interleavedCalls);
        if (Volatile.Read(ref _state) != ActivationState.Active)
        {
            Interlocked.Decrement(ref _interleavedCalls);
            return InvokeInterleavedOnceActiveAsync(method, args);
        }

        Task<TResult> task;
        try
        {
            task = StartGrainCode(method, args);
        }
        catch (Exception exception)
        {
            ExitInterleaved();
            return Task.FromException<TResult>(exception);
        }

        if (task.IsCompleted)
        {
            ExitInterleaved();
            return task;
        }

        return ExitInterleavedWhenCompletedAsync(task);
    }

    private async Task<TResult> ExitInterleavedWhenCompletedAsync<TResult>(Task<TResult> task)
    {
        try
        {
            return await task.ConfigureAwait(false);
        }
        finally
        {
            ExitInterleaved();
        }
    }

    private async Task<TResult> InvokeInterleavedOnceActiveAsync<TResult>(GrainMethod<TResult> method, object?[] args)
    {
        SuppressSynchronizationContext();

        // The turn is taken only to get an activated instance; the call itself runs outside it.
        var target = await AcquireActiveTurnAsync(holdsTurn: false).ConfigureAwait(false);
        target.ExitTurn(countsAsUse: false);
        return await target.InvokeInterleaved(method, args).ConfigureAwait(false);
    }

    private Task<TResult> StartGrainCode<TResult>(GrainMethod<TResult> method, object?[] args)
    {
        var callerContext = SynchronizationContext.Current;
        if (callerContext is null)
        {
            return Runtime.CallPipeline.Start(_grain!, this, method, args);
        }

        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            return Runtime.CallPipeline.Start(_grain!, this, method, args);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(callerContext);
        }
    }

    /// <summary>
    /// Waits for the turn of this activation and returns, still holding the turn, the activation to use:
    /// this one (activated first if needed) or, if this one was deactivated meanwhile, a fresh one.
    /// </summary>
    private async Task<GrainActivation> AcquireActiveTurnAsync(bool holdsTurn)
    {
        var target = this;
        if (!holdsTurn)
        {
            await _turn.WaitAsync().ConfigureAwait(false);
        }

        while (true)
        {
            switch (Volatile.Read(ref target._state))
            {
                case ActivationState.Active:
                    return target;
                case ActivationState.Created:
                    try
                    {
                        await target.ActivateHoldingTurnAsync().ConfigureAwait(false);
                    }
                    catch
                    {
                        target._turn.Release();
                        throw;
                    }

                    return target;
                default:
                    target._turn.Release();
                    target = _grainType.GetOrAddActivation(GrainKey);
                    await target._turn.WaitAsync().ConfigureAwait(false);
                    break;
            }
        }
    }

    private async Task ActivateHoldingTurnAsync()
    {
        var runtime = Runtime;
        runtime.ThrowIfNotAcceptingActivations();
        var scope = runtime.ScopeFactory.CreateAsyncScope();
        _scope = scope;
        try
        {
            var outer = t_constructing;
            t_constructing = this;
            try
            {
                _grain = _grainType.CreateInstance(scope.ServiceProvider, this);
            }
            finally
            {
                t_constructing = outer;
            }

            _activationStepsStarted = true;
            var cancellationToken = runtime.StoppingToken;
            if (_activationSteps is { } steps)
            {
                _activationSteps = null;
                foreach (var step in steps)
                {
                    await step(cancellationToken).ConfigureAwait(false);
                }
            }

            await _grain.OnActivateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await FinishDeactivationAsync(wasActive: false, DeactivationReason.RequestedByGrain).ConfigureAwait(false);
            throw;
        }

        Volatile.Write(ref _lastUsedUtcTicks, runtime.Clock.GetUtcNow().UtcTicks);
        Volatile.Write(ref _state, ActivationState.Active);
        runtime.OnActivated(_grainType);
    }

    private void ExitTurn(bool countsAsUse)
    {
        if (countsAsUse)
        {
            Volatile.Write(ref _lastUsedUtcTicks, Runtime.Clock.GetUtcNow().UtcTicks);
        }

        if (Volatile.Read(ref _deactivationRequested) != 0
            && Interlocked.Exchange(ref _deactivationRequested, 0) is var requested and not 0
            && Volatile.Read(ref _state) == ActivationState.Active)
        {
            // Keep the turn and hand it to the deactivation, so queued calls cannot slip in first;
            // they find the activation deactivated and move to a fresh one. The thread pool keeps
            // OnDeactivateAsync from delaying the caller that just finished.
            ThreadPool.UnsafeQueueUserWorkItem(
                static request => _ = request.Activation.DeactivateHoldingTurnAsync(request.Reason, CancellationToken.None),
                (Activation: this, Reason: (DeactivationReason)(requested - 1)),
                preferLocal: false);
            return;
        }

        _turn.Release();
    }

    private void ExitInterleaved()
    {
        Volatile.Write(ref _lastUsedUtcTicks, Runtime.Clock.GetUtcNow().UtcTicks);
        Interlocked.Decrement(ref _interleavedCalls);
        if (Volatile.Read(ref _deactivationRequested) != 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(
                static activation => _ = activation.DeactivateWhenRequestedAsync(),
                this,
                preferLocal: false);
        }
    }

    private async Task DeactivateWhenRequestedAsync()
    {
        await _turn.WaitAsync().ConfigureAwait(false);
        ExitTurn(countsAsUse: false);
    }

    public void RequestDeactivation() => Interlocked.CompareExchange(ref _deactivationRequested, (int)DeactivationReason.RequestedByGrain + 1, 0);

    /// <summary>A state write of this activation conflicted: it goes when the turn ends, whatever else was requested.</summary>
    public void RequestDeactivationAfterConflict() => Volatile.Write(ref _deactivationRequested, (int)DeactivationReason.StateConflict + 1);

    /// <summary>
    /// Claims the turn of an activation that has been idle for at least <paramref name="ageTicks"/>.
    /// On success the caller holds the turn and must call <see cref="DeactivateHoldingTurnAsync"/>.
    /// </summary>
    public bool TryBeginIdleCollection(long nowUtcTicks, long ageTicks)
    {
        if (Volatile.Read(ref _state) != ActivationState.Active
            || nowUtcTicks - Volatile.Read(ref _lastUsedUtcTicks) < ageTicks
            || !_turn.Wait(0))
        {
            return false;
        }

        if (Volatile.Read(ref _state) != ActivationState.Active
            || nowUtcTicks - Volatile.Read(ref _lastUsedUtcTicks) < ageTicks)
        {
            _turn.Release();
            return false;
        }

        Interlocked.Exchange(ref _state, ActivationState.Deactivating);
        if (Volatile.Read(ref _interleavedCalls) != 0)
        {
            Volatile.Write(ref _state, ActivationState.Active);
            _turn.Release();
            return false;
        }

        return true;
    }

    /// <summary>Deactivates once the turn is free; gives up if <paramref name="cancellationToken"/> fires while waiting.</summary>
    public async Task DeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Disposing the timers first cancels the token of a tick in progress, which may be what holds the turn.
        DisposeTimers();
        if (!_turn.Wait(0))
        {
            try
            {
                await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }

        await DeactivateHoldingTurnAsync(reason, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deactivates while holding the turn, then releases it. Never throws.</summary>
    public async Task DeactivateHoldingTurnAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        SuppressSynchronizationContext();
        try
        {
            var state = Volatile.Read(ref _state);
            if (state == ActivationState.Deactivated)
            {
                return;
            }

            var wasActive = state != ActivationState.Created;
            Volatile.Write(ref _state, ActivationState.Deactivating);
            DisposeTimers();
            if (wasActive && _grain is { } grain)
            {
                try
                {
                    await grain.OnDeactivateAsync(reason, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception)
                {
                    GrainRuntimeLog.DeactivationFailed(Runtime.Logger, exception, _grainType.InterfaceName, reason);
                }
            }

            await FinishDeactivationAsync(wasActive, reason).ConfigureAwait(false);
        }
        finally
        {
            _turn.Release();
        }
    }

    private async Task FinishDeactivationAsync(bool wasActive, DeactivationReason reason)
    {
        DisposeTimers();
        _grain = null;
        if (_scope is { } scope)
        {
            _scope = null;
            try
            {
                await scope.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                GrainRuntimeLog.ServiceScopeDisposalFailed(Runtime.Logger, exception, _grainType.InterfaceName);
            }
        }

        _grainType.RemoveActivation(this);
        Volatile.Write(ref _state, ActivationState.Deactivated);
        if (wasActive)
        {
            Runtime.OnDeactivated(_grainType, reason);
        }
    }

    public IDisposable RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (dueTime < TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "The due time must be zero or more.");
        }

        if (period <= TimeSpan.Zero && period != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "The period must be positive, or Timeout.InfiniteTimeSpan for a single tick.");
        }

        var state = Volatile.Read(ref _state);
        if (state is ActivationState.Deactivating or ActivationState.Deactivated)
        {
            throw new InvalidOperationException("Timers cannot be registered while the grain is being deactivated.");
        }

        var timer = new GrainTimer(this, callback, period);
        lock (_grainType.TimersLock)
        {
            (_timers ??= []).Add(timer);
        }

        timer.Start(dueTime);
        return timer;
    }

    public void RemoveTimer(GrainTimer timer)
    {
        lock (_grainType.TimersLock)
        {
            _timers?.Remove(timer);
        }
    }

    private void DisposeTimers()
    {
        List<GrainTimer>? timers;
        lock (_grainType.TimersLock)
        {
            timers = _timers;
            _timers = null;
        }

        if (timers is null)
        {
            return;
        }

        foreach (var timer in timers)
        {
            timer.Dispose();
        }
    }

    /// <summary>Runs one timer tick as a turn; returns false when the activation is gone and the timer should stop.</summary>
    public async Task<bool> RunTimerTickAsync(Func<CancellationToken, Task> callback, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (Volatile.Read(ref _state) != ActivationState.Active)
        {
            _turn.Release();
            return false;
        }

        try
        {
            await callback(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Ticks are not calls: a grain that only has timers still becomes idle.
            ExitTurn(countsAsUse: false);
        }

        return true;
    }

    public Task RegisterOrUpdateReminderAsync(string name, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        if (!_grainType.IsRemindable)
        {
            throw new InvalidOperationException(
                $"{_grainType.ImplementationType.Name} must implement {nameof(IRemindable)} to register reminders.");
        }

        var table = RequireReminderTable();
        var entry = new ReminderEntry(_grainType.TypeName, GrainKey, name, Runtime.Clock.GetUtcNow() + dueTime, period);
        return table.UpsertAsync(entry);
    }

    public Task UnregisterReminderAsync(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return RequireReminderTable().RemoveAsync(_grainType.TypeName, GrainKey, name);
    }

    private IReminderTable RequireReminderTable() =>
        Runtime.ReminderTable ?? throw new InvalidOperationException(
            $"No {nameof(IReminderTable)} is registered; call UseInMemoryStorage() or register one.");

    private static void SuppressSynchronizationContext()
    {
        if (SynchronizationContext.Current is not null)
        {
            SynchronizationContext.SetSynchronizationContext(null);
        }
    }
}
