namespace CustomerEngine.Grains.Runtime.Tests.Grains;

public interface ICounterGrain : IGrain
{
    Task<int> IncrementAsync();

    Task<int> GetCountAsync();

    ValueTask<int> GetCountAsValueTaskAsync();

    ValueTask SaveAsValueTaskAsync();

    Task SaveAsync();

    Task ClearAsync();

    Task<long> GetVersionAsync();

    Task<bool> GetRecordExistsAsync();

    Task<Guid> GetActivationIdAsync();

    Task<string> GetKeySeenInConstructorAsync();

    Task FailAsync(string message);

    Task FailBeforeReturningTaskAsync(string message);

    Task DeactivateAfterThisCallAsync();
}
