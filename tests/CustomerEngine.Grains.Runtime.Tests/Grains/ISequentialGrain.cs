namespace CustomerEngine.Grains.Runtime.Tests.Grains;

public interface ISequentialGrain : IGrain
{
    /// <summary>Read-modify-write of a counter across awaits: loses updates if calls interleave.</summary>
    Task<int> IncrementAcrossAwaitsAsync();

    /// <summary>Holds the turn until the test releases it.</summary>
    Task HoldAsync();

    Task AppendAsync(int value);

    Task<IReadOnlyList<int>> GetAppendedAsync();

    [Interleaved]
    Task<int> PeekCountAsync();

    [Interleaved]
    Task HoldInterleavedAsync();
}
