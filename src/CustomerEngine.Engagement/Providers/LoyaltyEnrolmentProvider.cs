using CustomerEngine.Engagement.Actions;
using CustomerEngine.Engagement.Candidates;

namespace CustomerEngine.Engagement.Providers;

/// <summary>
/// Proposes the <see cref="ActionKinds.LoyaltyEnrolment"/> actions for a customer who has bought at
/// least once and is not a member (see <see cref="BuiltInProviderOptions.LoyaltyMemberAttribute"/>).
/// Placeholders: <c>{purchases}</c> (e.g. "3 purchases"), <c>{days}</c>, <c>{since}</c>, <c>{period}</c> (see <see cref="CandidateText.PutDays"/>; days since the first purchase).
/// </summary>
/// <param name="options">The member attribute; the defaults when null.</param>
public sealed class LoyaltyEnrolmentProvider(BuiltInProviderOptions? options = null) : ICandidateActionProvider
{
    /// <summary>The provider's name.</summary>
    public const string ProviderName = "builtin.loyaltyEnrolment";

    private readonly BuiltInProviderOptions _options = options ?? BuiltInProviderOptions.Default;

    /// <inheritdoc />
    public string Name => ProviderName;

    /// <inheritdoc />
    public IEnumerable<ActionCandidate> Propose(EngagementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var state = context.State;
        var member = state.Attributes.TryGetValue(_options.LoyaltyMemberAttribute, out var flag)
            && string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase);
        if (member || state.Purchases == 0)
        {
            return [];
        }

        var values = CandidateText.Common(context);
        values["purchases"] = state.Purchases == 1 ? "1 purchase" : CandidateText.Number(state.Purchases) + " purchases";
        CandidateText.PutDays(values, state.FirstPurchaseAt is { } first ? CandidateText.DaysBetween(first, context.Now) : 0);
        return CandidateText.Candidates(context, ActionKinds.LoyaltyEnrolment, values, [], Name);
    }
}
