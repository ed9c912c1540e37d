namespace CustomerEngine.Host.Overview;

/// <summary>The Net Promoter Score of one behaviour segment, from its customers' latest NPS category.</summary>
/// <param name="SegmentKind"><c>priceSensitivity</c>, <c>loyalty</c> or <c>channel</c>.</param>
/// <param name="Segment">The segment, e.g. <c>priceDriven</c>.</param>
/// <param name="Promoters">Customers scoring 9–10.</param>
/// <param name="Passives">Customers scoring 7–8.</param>
/// <param name="Detractors">Customers scoring 0–6.</param>
/// <param name="Nps">100 × (promoters − detractors) / respondents, rounded: −100 to 100.</param>
public sealed record SegmentNps(string SegmentKind, string Segment, long Promoters, long Passives, long Detractors, int Nps);
