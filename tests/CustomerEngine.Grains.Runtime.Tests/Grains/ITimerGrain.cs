namespace CustomerEngine.Grains.Runtime.Tests.Grains;

public interface ITimerGrain : IGrain
{
    Task StartTimerAsync(TimeSpan dueTime, TimeSpan period);

    Task<int> GetCompletedTicksAsync();

    Task DeactivateAfterThisCallAsync();
}
