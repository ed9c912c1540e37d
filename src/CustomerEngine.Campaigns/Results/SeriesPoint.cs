namespace CustomerEngine.Campaigns.Results;

/// <summary>The counts of one time bucket of the results' series.</summary>
/// <param name="At">The bucket's start.</param>
/// <param name="Treatment">The treatment group's counts in the bucket.</param>
/// <param name="Holdout">The holdout group's counts in the bucket.</param>
public sealed record SeriesPoint(DateTimeOffset At, SeriesCounts Treatment, SeriesCounts Holdout);
