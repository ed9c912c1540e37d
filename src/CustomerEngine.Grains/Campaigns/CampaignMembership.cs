namespace CustomerEngine.Grains.Campaigns;

/// <summary>What one campaign remembers of one customer: a copy, for the customer's data export.</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Customer">The campaign's record of the customer: group, eligibility, presentations.</param>
public sealed record CampaignMembership(string CampaignId, CampaignCustomerState Customer);
