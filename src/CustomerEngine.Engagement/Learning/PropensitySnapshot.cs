namespace CustomerEngine.Engagement.Learning;

/// <summary>
/// Everything a <see cref="PropensityModel"/> has learned, as plain records for the host to persist.
/// Counts rather than posteriors are kept so that a later change of prior applies to past outcomes too.
/// </summary>
/// <param name="Prior">The prior every posterior starts from.</param>
/// <param name="Counts">The outcomes per action and segment, ordered by action then segment.</param>
public sealed record PropensitySnapshot(BetaPosterior Prior, IReadOnlyList<PropensityCounts> Counts);
