using CustomerEngine.Grains.Runtime.Storage;

namespace CustomerEngine.Grains.Tests.Presence;

/// <summary>The real store, except that store presence writes fail while <see cref="Failing"/> is set, as in an outage.</summary>
internal sealed class FlakyPresenceStateStore(IGrainStateStore inner) : IGrainStateStore
{
    private int _failed;
    private int _written;

    public volatile bool Failing;

    public int FailedPresenceWrites => Volatile.Read(ref _failed);

    public int PresenceWrites => Volatile.Read(ref _written);

    public Task<GrainStateRecord?> ReadAsync(GrainStateId id, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(id, cancellationToken);

    public async Task<long> WriteAsync(GrainStateId id, ReadOnlyMemory<byte> data, long expectedVersion, CancellationToken cancellationToken = default)
    {
        if (!IsPresence(id))
        {
            return await inner.WriteAsync(id, data, expectedVersion, cancellationToken);
        }

        if (Failing)
        {
            Interlocked.Increment(ref _failed);
            throw new IOException("The store is unreachable (test outage).");
        }

        var version = await inner.WriteAsync(id, data, expectedVersion, cancellationToken);
        Interlocked.Increment(ref _written);
        return version;
    }

    public Task<IReadOnlyList<string>> ListStateNamesAsync(string grainType, string key, CancellationToken cancellationToken = default) =>
        inner.ListStateNamesAsync(grainType, key, cancellationToken);

    public Task ClearAsync(GrainStateId id, long expectedVersion, CancellationToken cancellationToken = default) =>
        inner.ClearAsync(id, expectedVersion, cancellationToken);

    private static bool IsPresence(GrainStateId id) => id.GrainType.Contains("StorePresence", StringComparison.Ordinal);
}
