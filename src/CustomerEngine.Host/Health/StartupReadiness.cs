using System.Collections.Concurrent;

namespace CustomerEngine.Host.Health;

/// <summary>
/// The readiness gate: the engine is ready once every piece of start-up work it was told to expect
/// is done, and stops being ready when it starts shutting down, so a load balancer drains it before
/// it goes. Start-up services name their work with <see cref="Expect"/> (before the host starts)
/// and <see cref="MarkDone"/> it, or hand over a task with <see cref="Track"/>.
/// </summary>
public sealed class StartupReadiness
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _work = new(StringComparer.Ordinal);
    private volatile bool _stopping;

    /// <summary>Whether every expected piece of work is done and the engine is not stopping.</summary>
    public bool IsReady => !_stopping && _work.Values.All(w => w.Task.IsCompleted);

    /// <summary>Whether the engine has begun to shut down.</summary>
    public bool IsStopping => _stopping;

    /// <summary>The names of the work not done yet.</summary>
    public IReadOnlyList<string> Pending => [.. _work.Where(w => !w.Value.Task.IsCompleted).Select(w => w.Key).Order(StringComparer.Ordinal)];

    /// <summary>Declares work the engine is not ready without; declaring the same name twice is one piece of work.</summary>
    public void Expect(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _work.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    /// <summary>Marks the work done (declaring it first if needed).</summary>
    public void MarkDone(string name)
    {
        Expect(name);
        _work[name].TrySetResult();
    }

    /// <summary>Expects <paramref name="name"/> and marks it done when <paramref name="work"/> ends, however it ends: a failure is the work's own to report, and waiting for it forever would keep the engine out of service.</summary>
    public void Track(string name, Task work)
    {
        ArgumentNullException.ThrowIfNull(work);
        Expect(name);
        work.ContinueWith(_ => MarkDone(name), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>The engine is shutting down: no longer ready.</summary>
    public void MarkStopping() => _stopping = true;

    /// <summary>Waits until ready, or until <paramref name="cancellationToken"/> is cancelled; returns whether it is ready.</summary>
    public async Task<bool> WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(_work.Values.Select(w => w.Task)).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        return IsReady;
    }
}
