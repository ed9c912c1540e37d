using CustomerEngine.Domain.Lifecycle;
using CustomerEngine.Engagement.Actions;
using CustomerEngine.Engagement.Candidates;

namespace CustomerEngine.Engagement.Providers;

/// <summary>
/// Proposes the <see cref="ActionKinds.Retention"/> actions for an at-risk customer. Placeholders:
/// <c>{days}</c>, <c>{since}</c>, <c>{period}</c> (see <see cref="CandidateText.PutDays"/>; days since the last purchase). When the value model's probability alive is known,
/// it is added as a reason.
/// </summary>
public sealed class RetentionProvider : ICandidateActionProvider
{
    /// <summary>The provider's name.</summary>
    public const string ProviderName = "builtin.retention";

    /// <inheritdoc />
    public string Name => ProviderName;

    /// <inheritdoc />
    public IEnumerable<ActionCandidate> Propose(EngagementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return LapsedCustomers.Propose(context, LifecycleStage.AtRisk, ActionKinds.Retention, Name);
    }
}
