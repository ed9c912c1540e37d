namespace CustomerEngine.Grains.Runtime.Tests.Grains;

public sealed class SequentialGrain(TurnProbe probe) : Grain, ISequentialGrain
{
    private readonly List<int> _appended = [];
    private int _inside;
    private int _count;

    public async Task<int> IncrementAcrossAwaitsAsync()
    {
        probe.ObserveConcurrentCalls(Interlocked.Increment(ref _inside));
        try
        {
            var read = _count;
            await Task.Yield();
            await Task.Delay(TimeSpan.Zero);
            await Task.Yield();
            _count = read + 1;
            return _count;
        }
        finally
        {
            Interlocked.Decrement(ref _inside);
        }
    }

    public async Task HoldAsync()
    {
        probe.ObserveConcurrentCalls(Interlocked.Increment(ref _inside));
        try
        {
            probe.HoldStarted.TrySetResult();
            await probe.ReleaseHold.Task;
        }
        finally
        {
            Interlocked.Decrement(ref _inside);
        }
    }

    public Task AppendAsync(int value)
    {
        _appended.Add(value);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<int>> GetAppendedAsync() => Task.FromResult<IReadOnlyList<int>>([.. _appended]);

    public Task<bool> RanOnCallersStackAsync() => Task.FromResult(CallerStack.Inside);

    public Task<int> PeekCountAsync() => Task.FromResult(Volatile.Read(ref _count));

    public async Task HoldInterleavedAsync()
    {
        probe.InterleavedHoldStarted.TrySetResult();
        await probe.ReleaseInterleavedHold.Task;
    }
}
