namespace CustomerEngine.Campaigns.Results;

/// <summary>One group's counts within one time bucket.</summary>
/// <param name="Presented">Presentations (for the holdout: would have been presented).</param>
/// <param name="Accepted">Accepted outcomes.</param>
/// <param name="Conversions">Conversions, at the time of the purchase.</param>
public sealed record SeriesCounts(long Presented, long Accepted, long Conversions);
