namespace CustomerEngine.Grains.CrossSell;

/// <summary>Settings of the engine's live cross-sell model, bound from the <c>CrossSell</c> section.</summary>
public sealed class LiveCrossSellOptions
{
    /// <summary>The least support of a rule when a caller gives no threshold (0 to 1). Default 0.001: one basket in a thousand.</summary>
    public double MinSupport { get; set; } = 0.001;

    /// <summary>The least confidence of a rule when a caller gives no threshold (0 to 1). Default 0.1.</summary>
    public double MinConfidence { get; set; } = 0.1;

    /// <summary>
    /// How often the model is caught up with the log and, when it changed, written to the store
    /// as a checkpoint. A restart then reads only the purchases after it. Default one minute.
    /// </summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many purchase events one read of the log returns while backfilling. Default 4,096.</summary>
    public int BackfillPageSize { get; set; } = 4096;

    /// <summary>How often, at most, backfill progress is written to the log. Default two seconds.</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(2);
}
