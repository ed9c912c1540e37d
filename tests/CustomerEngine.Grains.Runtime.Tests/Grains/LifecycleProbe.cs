using System.Collections.Concurrent;

namespace CustomerEngine.Grains.Runtime.Tests.Grains;

/// <summary>Records what the runtime did to grains' lifecycles, and lets a test hold deactivations.</summary>
public sealed class LifecycleProbe
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<DeactivationReason>> _deactivationStarted = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<DeactivationReason>> _deactivationFinished = new();
    private readonly ConcurrentQueue<string> _events = new();

    /// <summary>When set, OnDeactivateAsync waits for it.</summary>
    public TaskCompletionSource? DeactivationGate { get; set; }

    /// <summary>How many upcoming activations of <see cref="FlakyActivationGrain"/> throw.</summary>
    public int RemainingActivationFailures;

    /// <summary>Lifecycle events in order, e.g. "activate k count=3", "deactivate k IdleCollected".</summary>
    public IReadOnlyList<string> Events => [.. _events];

    public void Record(string lifecycleEvent) => _events.Enqueue(lifecycleEvent);

    public void DeactivationStarted(string key, DeactivationReason reason) => Signal(_deactivationStarted, key, reason);

    public void DeactivationFinished(string key, DeactivationReason reason) => Signal(_deactivationFinished, key, reason);

    /// <summary>Completes when the first deactivation of <paramref name="key"/> has entered OnDeactivateAsync.</summary>
    public Task<DeactivationReason> WhenDeactivationStartedAsync(string key) => Get(_deactivationStarted, key).Task;

    /// <summary>Completes when the first deactivation of <paramref name="key"/> has left OnDeactivateAsync.</summary>
    public Task<DeactivationReason> WhenDeactivationFinishedAsync(string key) => Get(_deactivationFinished, key).Task;

    private static void Signal(ConcurrentDictionary<string, TaskCompletionSource<DeactivationReason>> signals, string key, DeactivationReason reason) =>
        Get(signals, key).TrySetResult(reason);

    private static TaskCompletionSource<DeactivationReason> Get(ConcurrentDictionary<string, TaskCompletionSource<DeactivationReason>> signals, string key) =>
        signals.GetOrAdd(key, _ => new TaskCompletionSource<DeactivationReason>(TaskCreationOptions.RunContinuationsAsynchronously));
}
