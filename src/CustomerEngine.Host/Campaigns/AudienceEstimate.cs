namespace CustomerEngine.Host.Campaigns;

/// <summary>How many customers an audience condition matches, counted over a sample of the base.</summary>
/// <param name="Estimate">The estimated number of matching customers in the whole base.</param>
/// <param name="Matched">Customers of the sample that match.</param>
/// <param name="Sampled">Customers evaluated.</param>
/// <param name="Total">Customers in the base (the customer index).</param>
/// <param name="Exact">True when the whole base was evaluated.</param>
public sealed record AudienceEstimate(long Estimate, long Matched, long Sampled, long Total, bool Exact);
