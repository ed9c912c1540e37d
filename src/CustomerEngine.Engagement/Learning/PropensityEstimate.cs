namespace CustomerEngine.Engagement.Learning;

/// <summary>What the engine believes about one action in one segment, for the API.</summary>
/// <param name="ActionId">The action.</param>
/// <param name="SegmentKey">The segment.</param>
/// <param name="Accepted">Acceptances learned.</param>
/// <param name="Dismissed">Dismissals learned.</param>
/// <param name="Mean">The posterior mean acceptance rate.</param>
public sealed record PropensityEstimate(string ActionId, string SegmentKey, long Accepted, long Dismissed, double Mean);
