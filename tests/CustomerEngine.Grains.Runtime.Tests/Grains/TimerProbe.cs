using System.Threading.Channels;

namespace CustomerEngine.Grains.Runtime.Tests.Grains;

/// <summary>Reports timer ticks and makes each tick wait until the test allows it to finish.</summary>
public sealed class TimerProbe
{
    private readonly SemaphoreSlim _tickPermits = new(0);
    private int _maxConcurrentTicks;

    /// <summary>The clock time at which each tick started.</summary>
    public Channel<DateTimeOffset> TickStarted { get; } = Channel.CreateUnbounded<DateTimeOffset>();

    /// <summary>The clock time at which each tick finished.</summary>
    public Channel<DateTimeOffset> TickFinished { get; } = Channel.CreateUnbounded<DateTimeOffset>();

    public int MaxConcurrentTicks => Volatile.Read(ref _maxConcurrentTicks);

    public void AllowTicksToFinish(int count) => _tickPermits.Release(count);

    public Task WaitUntilTickMayFinishAsync(CancellationToken cancellationToken) => _tickPermits.WaitAsync(cancellationToken);

    public void ObserveConcurrentTicks(int inside)
    {
        int seen;
        while (inside > (seen = Volatile.Read(ref _maxConcurrentTicks)))
        {
            Interlocked.CompareExchange(ref _maxConcurrentTicks, inside, seen);
        }
    }
}
