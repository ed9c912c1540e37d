namespace CustomerEngine.Grains.Runtime.Tests.Grains;

internal sealed class TracedGrain : Grain, ITracedGrain
{
    public Task<int> AddAsync(int left, int right) => Task.FromResult(left + right);

    public Task FailAsync() => Task.FromException(new GrainTestException("traced failure"));
}
