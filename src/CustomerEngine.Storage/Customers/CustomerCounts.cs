namespace CustomerEngine.Storage.Customers;

/// <summary>
/// The customer base counted by the columns the overview shows, from one read of the index
/// (<see cref="ICustomerIndex.CountCustomersAsync"/>). Values are API names, as in <see cref="CustomerIndexEntry"/>.
/// </summary>
/// <param name="Total">Every customer in the index.</param>
/// <param name="ByStage">Customers per lifecycle stage; stages nobody is in are absent.</param>
/// <param name="ByTier">Customers per value tier; tiers nobody is in are absent.</param>
/// <param name="WithoutTier">Customers with no tier yet (not ranked, or no purchase).</param>
/// <param name="NpsBySegment">For each segment, customers per NPS category; customers with no NPS or not in the segment are not counted. In no particular order.</param>
public sealed record CustomerCounts(
    long Total,
    IReadOnlyDictionary<string, long> ByStage,
    IReadOnlyDictionary<string, long> ByTier,
    long WithoutTier,
    IReadOnlyList<SegmentNpsCount> NpsBySegment);
