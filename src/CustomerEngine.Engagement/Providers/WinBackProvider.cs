using CustomerEngine.Domain.Lifecycle;
using CustomerEngine.Engagement.Actions;
using CustomerEngine.Engagement.Candidates;

namespace CustomerEngine.Engagement.Providers;

/// <summary>
/// Proposes the <see cref="ActionKinds.WinBack"/> actions for a churned customer. Placeholders:
/// <c>{days}</c>, <c>{since}</c>, <c>{period}</c> (see <see cref="CandidateText.PutDays"/>; days since the last purchase).
/// </summary>
public sealed class WinBackProvider : ICandidateActionProvider
{
    /// <summary>The provider's name.</summary>
    public const string ProviderName = "builtin.winBack";

    /// <inheritdoc />
    public string Name => ProviderName;

    /// <inheritdoc />
    public IEnumerable<ActionCandidate> Propose(EngagementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return LapsedCustomers.Propose(context, LifecycleStage.Churned, ActionKinds.WinBack, Name);
    }
}
