namespace CustomerEngine.Engagement.Learning;

/// <summary>The outcomes learned for one action in one segment: the persisted form of a posterior.</summary>
/// <param name="ActionId">The action.</param>
/// <param name="SegmentKey">The segment (see <see cref="SegmentKeys"/>).</param>
/// <param name="Accepted">How many suggestions of the action were accepted in the segment.</param>
/// <param name="Dismissed">How many were dismissed.</param>
public sealed record PropensityCounts(string ActionId, string SegmentKey, long Accepted, long Dismissed);
