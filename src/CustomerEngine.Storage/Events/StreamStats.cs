namespace CustomerEngine.Storage.Events;

/// <summary>The number of events in a set of streams and the highest sequence among them (0 when empty).</summary>
public readonly record struct StreamStats(long Count, long MaxSequence);
