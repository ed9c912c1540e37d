using CustomerEngine.Domain.Satisfaction;
using CustomerEngine.Engagement.Actions;
using CustomerEngine.Engagement.Candidates;

namespace CustomerEngine.Engagement.Providers;

/// <summary>
/// Proposes the <see cref="ActionKinds.Referral"/> actions for a promoter (latest NPS 9–10): word of
/// mouth from a satisfied customer outweighs many ad impressions. Placeholders: <c>{nps}</c>,
/// <c>{days}</c>, <c>{since}</c>, <c>{period}</c> (see <see cref="CandidateText.PutDays"/>; days since the score).
/// </summary>
public sealed class ReferralProvider : ICandidateActionProvider
{
    /// <summary>The provider's name.</summary>
    public const string ProviderName = "builtin.referral";

    /// <inheritdoc />
    public string Name => ProviderName;

    /// <inheritdoc />
    public IEnumerable<ActionCandidate> Propose(EngagementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Customer.Satisfaction.NpsCategory != NpsCategory.Promoter)
        {
            return [];
        }

        var values = CandidateText.Common(context);
        values["nps"] = context.Customer.Satisfaction.Nps is { } nps ? CandidateText.Number(nps) : "high";
        CandidateText.PutDays(values, context.State.LastNpsAt is { } at ? CandidateText.DaysBetween(at, context.Now) : 0);
        return CandidateText.Candidates(context, ActionKinds.Referral, values, [], Name);
    }
}
