using System.Runtime.CompilerServices;

namespace CustomerEngine.Grains.Runtime.Activation;

/// <summary>
/// Awaiting it continues on the thread pool, whatever the current synchronization context or task
/// scheduler. The async method's own machinery carries the execution context (and so the current
/// span) across.
/// </summary>
internal readonly struct ThreadPoolHop : ICriticalNotifyCompletion
{
    public ThreadPoolHop GetAwaiter() => this;

    public bool IsCompleted => false;

    public void GetResult()
    {
    }

    public void OnCompleted(Action continuation) =>
        ThreadPool.QueueUserWorkItem(static c => c(), continuation, preferLocal: false);

    public void UnsafeOnCompleted(Action continuation) =>
        ThreadPool.UnsafeQueueUserWorkItem(static c => c(), continuation, preferLocal: false);
}
