namespace CustomerEngine.Grains.Tests;

/// <summary>Holds every customer grain's <c>ApplyAsync</c> inside its turn until released, as a slow grain would.</summary>
public sealed class HeldApplies
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _applied = new();

    public int Applied => _applied.Count;

    public IReadOnlyCollection<string> AppliedTo => [.. _applied];

    public Task Released => _released.Task;

    public void Release() => _released.TrySetResult();

    public void CountApplied(string grainKey) => _applied.Enqueue(grainKey);
}
