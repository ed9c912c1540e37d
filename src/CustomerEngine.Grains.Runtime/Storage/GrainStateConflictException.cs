namespace CustomerEngine.Grains.Runtime.Storage;

/// <summary>
/// A write was based on a version of the state that is no longer the stored one. The write did
/// not happen; the caller must re-read before writing again.
/// </summary>
public sealed class GrainStateConflictException(GrainStateId id, long expectedVersion, long? actualVersion)
    : Exception($"Stale write to {id}: expected version {expectedVersion}, stored version {actualVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}.")
{
    /// <summary>The state that was written.</summary>
    public GrainStateId StateId { get; } = id;

    /// <summary>The version the writer believed was stored.</summary>
    public long ExpectedVersion { get; } = expectedVersion;

    /// <summary>The version actually stored, or <c>null</c> when none is.</summary>
    public long? ActualVersion { get; } = actualVersion;
}
