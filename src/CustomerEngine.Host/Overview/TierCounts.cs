namespace CustomerEngine.Host.Overview;

/// <summary>Customers per value tier.</summary>
/// <param name="High">The top tier.</param>
/// <param name="Medium">The middle tier.</param>
/// <param name="Low">The bottom tier.</param>
/// <param name="Unranked">Not ranked yet: no purchase, or bought since the last ranking.</param>
public sealed record TierCounts(long High, long Medium, long Low, long Unranked);
