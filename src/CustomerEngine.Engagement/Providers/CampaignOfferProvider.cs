using CustomerEngine.Engagement.Actions;
using CustomerEngine.Engagement.Candidates;

namespace CustomerEngine.Engagement.Providers;

/// <summary>
/// Proposes every catalog action of kind <see cref="ActionKinds.CampaignOffer"/>: a campaign's
/// targeting is its eligibility (stages, tiers, segments, attributes, consent), which the arbitrator
/// applies, so marketing defines a live campaign by adding an action to the catalog.
/// </summary>
public sealed class CampaignOfferProvider : ICandidateActionProvider
{
    /// <summary>The provider's name.</summary>
    public const string ProviderName = "builtin.campaignOffer";

    /// <inheritdoc />
    public string Name => ProviderName;

    /// <inheritdoc />
    public IEnumerable<ActionCandidate> Propose(EngagementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var values = CandidateText.Common(context);
        return CandidateText.Candidates(context, ActionKinds.CampaignOffer, values, [], Name);
    }
}
