namespace CustomerEngine.Grains.Maintenance;

/// <summary>How often engine-wide work runs.</summary>
public sealed class MaintenanceOptions
{
    /// <summary>Interval of the lifecycle sweep.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Interval of the value ranking; quintiles move slowly, so this need not follow every event.</summary>
    public TimeSpan RankingInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How many due customers one sweep round takes from the index.</summary>
    public int SweepBatchSize { get; set; } = 1000;
}
