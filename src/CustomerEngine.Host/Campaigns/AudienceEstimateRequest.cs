using CustomerEngine.Campaigns.Conditions;

namespace CustomerEngine.Host.Campaigns;

/// <summary>The body of <c>POST /api/campaigns/audience-estimate</c>.</summary>
/// <param name="Audience">The audience condition, as in a campaign; null means every customer.</param>
public sealed record AudienceEstimateRequest(Condition? Audience);
