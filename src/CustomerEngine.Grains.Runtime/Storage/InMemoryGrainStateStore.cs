using System.Collections.Concurrent;

namespace CustomerEngine.Grains.Runtime.Storage;

/// <summary>
/// A version-checked <see cref="IGrainStateStore"/> in process memory, with the same conflict
/// semantics as a durable store. For tests, benchmarks and local development; contents die with the process.
/// </summary>
public sealed class InMemoryGrainStateStore : IGrainStateStore
{
    private readonly ConcurrentDictionary<GrainStateId, GrainStateRecord> _records = new();

    /// <summary>Number of stored states.</summary>
    public int Count => _records.Count;

    /// <inheritdoc />
    public Task<GrainStateRecord?> ReadAsync(GrainStateId id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // Copies on the way in and out, so callers can never alter what is "stored" through a shared array.
        return Task.FromResult(_records.TryGetValue(id, out var record) ? record with { Data = [.. record.Data] } : null);
    }

    /// <inheritdoc />
    public Task<long> WriteAsync(GrainStateId id, ReadOnlyMemory<byte> data, long expectedVersion, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var newVersion = expectedVersion + 1;
        var written = new GrainStateRecord(data.ToArray(), newVersion);
        if (expectedVersion == 0)
        {
            if (!_records.TryAdd(id, written))
            {
                throw Conflict(id, expectedVersion);
            }

            return Task.FromResult(newVersion);
        }

        // TryUpdate compares against the exact record read, so of two racing writers only one wins.
        if (!_records.TryGetValue(id, out var current) || current.Version != expectedVersion || !_records.TryUpdate(id, written, current))
        {
            throw Conflict(id, expectedVersion);
        }

        return Task.FromResult(newVersion);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListStateNamesAsync(string grainType, string key, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<string> names = [.. _records.Keys
            .Where(id => id.GrainType == grainType && id.Key == key)
            .Select(id => id.StateName)
            .Order(StringComparer.Ordinal)];
        return Task.FromResult(names);
    }

    /// <inheritdoc />
    public Task ClearAsync(GrainStateId id, long expectedVersion, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_records.TryGetValue(id, out var current))
        {
            return expectedVersion == 0 ? Task.CompletedTask : throw Conflict(id, expectedVersion);
        }

        if (current.Version != expectedVersion || !_records.TryRemove(new KeyValuePair<GrainStateId, GrainStateRecord>(id, current)))
        {
            throw Conflict(id, expectedVersion);
        }

        return Task.CompletedTask;
    }

    private GrainStateConflictException Conflict(GrainStateId id, long expectedVersion) =>
        new(id, expectedVersion, _records.TryGetValue(id, out var stored) ? stored.Version : null);
}
