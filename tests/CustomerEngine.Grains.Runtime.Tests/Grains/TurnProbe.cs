namespace CustomerEngine.Grains.Runtime.Tests.Grains;

/// <summary>Lets a test hold a grain's turn and see how many calls ran inside the grain at once.</summary>
public sealed class TurnProbe
{
    private int _maxConcurrentCalls;

    public TaskCompletionSource HoldStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource ReleaseHold { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource InterleavedHoldStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource ReleaseInterleavedHold { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int MaxConcurrentCalls => Volatile.Read(ref _maxConcurrentCalls);

    public void ObserveConcurrentCalls(int inside)
    {
        int seen;
        while (inside > (seen = Volatile.Read(ref _maxConcurrentCalls)))
        {
            Interlocked.CompareExchange(ref _maxConcurrentCalls, inside, seen);
        }
    }
}
