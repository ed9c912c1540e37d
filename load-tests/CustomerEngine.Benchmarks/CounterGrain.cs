using CustomerEngine.Grains.Runtime;

namespace CustomerEngine.Benchmarks;

public sealed class CounterGrain : Grain, ICounterGrain
{
    private int _count;

    public Task<int> IncrementAsync() => Task.FromResult(++_count);
}
