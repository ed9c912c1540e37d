using System.Runtime.CompilerServices;

namespace CustomerEngine.Grains.Runtime.Activation;

/// <summary>
/// Awaiting it continues on the thread pool, whatever the current synchronization context or task
/// scheduler. The async method's own machinery carries the execution context (and so the current
/// span) across.
/// </summary>
/// <remarks>
/// Queued on the calling pool thread's own queue when there is one: a batch's grain calls then run
/// as soon as that thread (or an idle one that steals them) is free, ahead of the shared queue where
/// hundreds of dashboard sockets queue their sends. Queued on the shared queue, the 99th percentile of
/// event → push with 500 dashboards was 151–338 ms in three runs; on the local queue 76–106 ms.
/// </remarks>
internal readonly struct ThreadPoolHop : ICriticalNotifyCompletion
{
    public ThreadPoolHop GetAwaiter() => this;

    public bool IsCompleted => false;

    public void GetResult()
    {
    }

    public void OnCompleted(Action continuation) =>
        ThreadPool.QueueUserWorkItem(static c => c(), continuation, preferLocal: true);

    public void UnsafeOnCompleted(Action continuation) =>
        ThreadPool.UnsafeQueueUserWorkItem(static c => c(), continuation, preferLocal: true);
}
