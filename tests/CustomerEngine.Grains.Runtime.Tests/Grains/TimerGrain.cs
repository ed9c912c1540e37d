namespace CustomerEngine.Grains.Runtime.Tests.Grains;

public sealed class TimerGrain(TimerProbe timerProbe, LifecycleProbe lifecycleProbe) : Grain, ITimerGrain
{
    private int _inside;
    private int _completedTicks;

    public Task StartTimerAsync(TimeSpan dueTime, TimeSpan period)
    {
        RegisterTimer(TickAsync, dueTime, period);
        return Task.CompletedTask;
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        timerProbe.ObserveConcurrentTicks(Interlocked.Increment(ref _inside));
        timerProbe.TickStarted.Writer.TryWrite(Clock.GetUtcNow());
        try
        {
            await timerProbe.WaitUntilTickMayFinishAsync(cancellationToken);
            _completedTicks++;
        }
        finally
        {
            Interlocked.Decrement(ref _inside);
        }

        timerProbe.TickFinished.Writer.TryWrite(Clock.GetUtcNow());
    }

    public Task<int> GetCompletedTicksAsync() => Task.FromResult(_completedTicks);

    public Task DeactivateAfterThisCallAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        lifecycleProbe.DeactivationStarted(GrainKey, reason);
        lifecycleProbe.DeactivationFinished(GrainKey, reason);
        return Task.CompletedTask;
    }
}
