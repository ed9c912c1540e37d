namespace CustomerEngine.Grains.Customers;

/// <summary>How customer grains keep their snapshots.</summary>
public sealed class CustomerGrainOptions
{
    /// <summary>
    /// Write the snapshot after this many applied events (and always on deactivation). The event
    /// log is the source of truth, so a lost snapshot costs a replay, never an event.
    /// </summary>
    public int SnapshotEvery { get; set; } = 100;
}
