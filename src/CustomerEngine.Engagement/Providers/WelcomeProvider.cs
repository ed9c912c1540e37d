using CustomerEngine.Domain.Lifecycle;
using CustomerEngine.Engagement.Actions;
using CustomerEngine.Engagement.Candidates;

namespace CustomerEngine.Engagement.Providers;

/// <summary>
/// Proposes the <see cref="ActionKinds.Welcome"/> actions for a new customer (first purchase made).
/// Placeholders: <c>{days}</c>, <c>{since}</c>, <c>{period}</c> (see <see cref="CandidateText.PutDays"/>; days since the first purchase).
/// </summary>
public sealed class WelcomeProvider : ICandidateActionProvider
{
    /// <summary>The provider's name.</summary>
    public const string ProviderName = "builtin.welcome";

    /// <inheritdoc />
    public string Name => ProviderName;

    /// <inheritdoc />
    public IEnumerable<ActionCandidate> Propose(EngagementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Customer.Lifecycle.Stage != LifecycleStage.New)
        {
            return [];
        }

        var values = CandidateText.Common(context);
        var since = context.State.FirstPurchaseAt ?? context.Customer.Lifecycle.Since ?? context.Now;
        CandidateText.PutDays(values, CandidateText.DaysBetween(since, context.Now));
        return CandidateText.Candidates(context, ActionKinds.Welcome, values, [], Name);
    }
}
