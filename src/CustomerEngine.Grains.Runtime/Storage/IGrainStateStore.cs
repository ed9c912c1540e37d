namespace CustomerEngine.Grains.Runtime.Storage;

/// <summary>
/// Durable storage for grain state. Implementations must be version-checked: a write whose
/// <c>expectedVersion</c> does not match the stored version throws
/// <see cref="GrainStateConflictException"/> and changes nothing.
/// </summary>
/// <remarks>
/// Versions start at 0 for "no record"; every successful write returns the new version
/// (previous + 1). State is opaque UTF-8 JSON produced by the runtime.
/// </remarks>
public interface IGrainStateStore
{
    /// <summary>Reads the state of one grain, or <c>null</c> when nothing was ever written (or it was cleared).</summary>
    Task<GrainStateRecord?> ReadAsync(GrainStateId id, CancellationToken cancellationToken = default);

    /// <summary>Writes state when the stored version equals <paramref name="expectedVersion"/>; returns the new version.</summary>
    /// <exception cref="GrainStateConflictException">The stored version differs from <paramref name="expectedVersion"/>.</exception>
    Task<long> WriteAsync(GrainStateId id, ReadOnlyMemory<byte> data, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>
    /// The names of every state stored for one grain, in ordinal order: how a grain finds states
    /// whose names it does not know in advance, such as those other nodes write beside its own.
    /// </summary>
    Task<IReadOnlyList<string>> ListStateNamesAsync(string grainType, string key, CancellationToken cancellationToken = default);

    /// <summary>Removes the state when the stored version equals <paramref name="expectedVersion"/>.</summary>
    /// <exception cref="GrainStateConflictException">The stored version differs from <paramref name="expectedVersion"/>.</exception>
    Task ClearAsync(GrainStateId id, long expectedVersion, CancellationToken cancellationToken = default);
}
