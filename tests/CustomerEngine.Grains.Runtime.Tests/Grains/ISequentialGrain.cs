namespace CustomerEngine.Grains.Runtime.Tests.Grains;

public interface ISequentialGrain : IGrain
{
    /// <summary>Read-modify-write of a counter across awaits: loses updates if calls interleave.</summary>
    Task<int> IncrementAcrossAwaitsAsync();

    /// <summary>Holds the turn until the test releases it.</summary>
    Task HoldAsync();

    Task AppendAsync(int value);

    Task<IReadOnlyList<int>> GetAppendedAsync();

    /// <summary>Whether the grain code ran while its caller was still inside the call (see <see cref="CallerStack"/>).</summary>
    Task<bool> RanOnCallersStackAsync();

    [Interleaved]
    Task<int> PeekCountAsync();

    [Interleaved]
    Task HoldInterleavedAsync();
}
