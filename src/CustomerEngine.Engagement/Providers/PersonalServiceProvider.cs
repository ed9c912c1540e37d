using CustomerEngine.Domain.Value;
using CustomerEngine.Engagement.Actions;
using CustomerEngine.Engagement.Candidates;

namespace CustomerEngine.Engagement.Providers;

/// <summary>
/// Proposes the <see cref="ActionKinds.PersonalService"/> actions for a high-tier customer who is
/// in a store now (<see cref="EngagementContext.PresentInStoreId"/>): the engine helps staff make
/// their own connection. Placeholders: <c>{visits}</c>.
/// </summary>
public sealed class PersonalServiceProvider : ICandidateActionProvider
{
    /// <summary>The provider's name.</summary>
    public const string ProviderName = "builtin.personalService";

    /// <inheritdoc />
    public string Name => ProviderName;

    /// <inheritdoc />
    public IEnumerable<ActionCandidate> Propose(EngagementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.PresentInStoreId is null || context.Customer.Value.Tier != ValueTier.High)
        {
            return [];
        }

        var values = CandidateText.Common(context);
        values["visits"] = CandidateText.Number(context.State.Visits);
        return CandidateText.Candidates(context, ActionKinds.PersonalService, values, [], Name);
    }
}
