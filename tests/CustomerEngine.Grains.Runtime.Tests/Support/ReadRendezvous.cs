namespace CustomerEngine.Grains.Runtime.Tests.Support;

/// <summary>Holds each caller until <c>parties</c> callers have arrived, round after round.</summary>
public sealed class ReadRendezvous(int parties)
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _round = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;

    public Task ArriveAsync()
    {
        lock (_gate)
        {
            var round = _round;
            if (++_arrived == parties)
            {
                _arrived = 0;
                _round = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                round.SetResult();
            }

            return round.Task.WithTimeout();
        }
    }
}
