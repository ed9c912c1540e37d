using CustomerEngine.Grains.Campaigns;

namespace CustomerEngine.Host.DataRights;

/// <summary>What one campaign remembers of the customer, in an export.</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Stream">The customer's stream the campaign knows (the id, or an anonymous history merged into it).</param>
/// <param name="Group"><c>treatment</c> or <c>holdout</c> (never shown the offer).</param>
/// <param name="Eligible">Whether the customer was counted as eligible.</param>
/// <param name="Presentations">Presentations (or withheld ones, for the holdout) kept for caps and attribution.</param>
public sealed record CampaignMembershipView(string CampaignId, string Stream, string Group, bool Eligible, IReadOnlyList<CampaignPresentationState> Presentations)
{
    /// <summary>The view of a membership.</summary>
    public static CampaignMembershipView From(CampaignMembership membership) => new(
        membership.CampaignId,
        membership.Customer.CustomerId,
        membership.Customer.Holdout ? "holdout" : "treatment",
        membership.Customer.Eligible,
        membership.Customer.Presentations);
}
