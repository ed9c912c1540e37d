using CustomerEngine.Grains.Runtime.Activation;

namespace CustomerEngine.Grains.Runtime;

/// <summary>
/// Base class of grain implementations. Instances are created by the runtime through dependency
/// injection, one per activation; the constructor may take any registered service and an
/// <see cref="IGrainContext"/>. All members of this class may be used from the constructor on.
/// </summary>
/// <remarks>
/// Calls to one activation run one turn at a time (a turn lasts until the returned task completes,
/// across awaits), so grain code needs no locking. Calling the same activation through its own
/// reference from inside a turn waits for that turn and therefore never completes.
/// </remarks>
public abstract class Grain
{
    // Set by the runtime for the duration of the constructor call so that the members of this class
    // work inside derived constructors, without every grain having to pass a context to base().
    private readonly GrainActivation? _activation = GrainActivation.Constructing;

    /// <summary>The key of this grain.</summary>
    /// <exception cref="InvalidOperationException">The instance was not created by the grain runtime.</exception>
    public string GrainKey => Activation.GrainKey;

    /// <summary>Gives references to other grains (and to this one, for use outside its own turns).</summary>
    protected IGrainFactory GrainFactory => Activation.Runtime;

    /// <summary>The runtime's clock; use it instead of <see cref="DateTimeOffset.UtcNow"/> so tests can control time.</summary>
    protected TimeProvider Clock => Activation.Runtime.Clock;

    internal GrainActivation Activation =>
        _activation ?? throw new InvalidOperationException(
            $"{GetType().Name} was not created by the grain runtime; grains must be obtained through IGrainFactory.");

    /// <summary>
    /// Called once per activation, inside its first turn and after every persistent state created in
    /// the constructor has been read. Throwing fails the activation and the call that caused it; the
    /// next call tries a fresh activation.
    /// </summary>
    /// <param name="cancellationToken">Cancelled when the runtime stops.</param>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Called once when the activation is deactivated, inside a turn, after its timers have been
    /// disposed. Persist anything not yet written here; exceptions are logged and do not stop the
    /// deactivation.
    /// </summary>
    /// <param name="reason">Why the activation is going away.</param>
    /// <param name="cancellationToken">For <see cref="DeactivationReason.RuntimeShutdown"/>, the host's shutdown token; otherwise never cancelled.</param>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Starts a timer owned by this activation. Each tick runs as a turn (never concurrently with calls
    /// or other ticks), and the next tick is scheduled <paramref name="period"/> after the previous
    /// callback's task completes, so ticks never overlap. Timers do not keep the activation alive and
    /// are disposed when it is deactivated.
    /// </summary>
    /// <param name="callback">The tick; its token is cancelled when the timer is disposed. Exceptions are logged and the timer keeps running.</param>
    /// <param name="dueTime">Delay before the first tick; zero or more.</param>
    /// <param name="period">Delay between a tick's completion and the next tick; <see cref="Timeout.InfiniteTimeSpan"/> for a single tick.</param>
    /// <returns>Disposing it stops the timer.</returns>
    protected IDisposable RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        Activation.RegisterTimer(callback, dueTime, period);

    /// <summary>
    /// Creates or replaces a durable reminder of this grain, stored in the registered
    /// <see cref="Reminders.IReminderTable"/>. It fires <see cref="IRemindable.ReceiveReminderAsync"/>
    /// first after <paramref name="dueTime"/> and then every <paramref name="period"/>, activating the
    /// grain when needed, including after a restart of the process.
    /// </summary>
    /// <exception cref="InvalidOperationException">The grain class does not implement <see cref="IRemindable"/>, or no reminder table is registered.</exception>
    protected Task RegisterOrUpdateReminderAsync(string name, TimeSpan dueTime, TimeSpan period) =>
        Activation.RegisterOrUpdateReminderAsync(name, dueTime, period);

    /// <summary>Removes a reminder of this grain; removing one that does not exist is not an error.</summary>
    /// <exception cref="InvalidOperationException">No reminder table is registered.</exception>
    protected Task UnregisterReminderAsync(string name) => Activation.UnregisterReminderAsync(name);

    /// <summary>
    /// Deactivates this activation as soon as the current turn ends (reason
    /// <see cref="DeactivationReason.RequestedByGrain"/>). Calls queued behind the current turn are
    /// served by a fresh activation.
    /// </summary>
    protected void DeactivateOnIdle() => Activation.RequestDeactivation();
}
