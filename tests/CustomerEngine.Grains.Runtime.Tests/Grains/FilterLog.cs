using System.Collections.Concurrent;

namespace CustomerEngine.Grains.Runtime.Tests.Grains;

public sealed class FilterLog
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyList<string> Entries => [.. _entries];

    public void Add(string entry) => _entries.Enqueue(entry);
}
