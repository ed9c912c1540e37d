namespace CustomerEngine.Grains.Runtime.Storage;

/// <summary>Stored grain state and the version that guards the next write.</summary>
public sealed record GrainStateRecord(byte[] Data, long Version);
