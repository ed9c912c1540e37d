using CustomerEngine.Grains.Runtime;

namespace CustomerEngine.Benchmarks;

/// <summary>The smallest useful grain: the runtime's own cost dominates each call.</summary>
public interface ICounterGrain : IGrain
{
    Task<int> IncrementAsync();
}
