namespace CustomerEngine.Grains.Runtime.Tests.Grains;

public interface IFilteredGrain : IGrain
{
    Task<int> MultiplyAsync(int left, int right);

    Task<int> GetInvocationCountAsync();

    Task FailAsync();
}
