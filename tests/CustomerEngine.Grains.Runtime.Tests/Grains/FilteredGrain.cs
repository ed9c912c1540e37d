namespace CustomerEngine.Grains.Runtime.Tests.Grains;

public sealed class FilteredGrain(FilterLog log) : Grain, IFilteredGrain
{
    private int _invocations;

    public Task<int> MultiplyAsync(int left, int right)
    {
        _invocations++;
        log.Add($"grain {left}*{right}");
        return Task.FromResult(left * right);
    }

    public Task<int> GetInvocationCountAsync() => Task.FromResult(_invocations);

    public Task FailAsync() => throw new GrainTestException("filtered failure");
}
