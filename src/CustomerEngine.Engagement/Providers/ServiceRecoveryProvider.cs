using CustomerEngine.Engagement.Actions;
using CustomerEngine.Engagement.Candidates;

namespace CustomerEngine.Engagement.Providers;

/// <summary>
/// Proposes the <see cref="ActionKinds.ServiceRecovery"/> actions while <see cref="ServiceRecoveryCondition"/>
/// holds. Placeholders: <c>{cause}</c> (every cause, e.g. "complaint C-17 open for 3 days"),
/// <c>{days}</c>, <c>{since}</c>, <c>{period}</c> (see <see cref="CandidateText.PutDays"/>; days since the oldest cause), <c>{nps}</c> (the latest NPS, or "none").
/// </summary>
/// <param name="recoveryWindow">How long a detractor score keeps recovery in force; use the contact policy's.</param>
public sealed class ServiceRecoveryProvider(TimeSpan recoveryWindow) : ICandidateActionProvider
{
    /// <summary>The provider's name.</summary>
    public const string ProviderName = "builtin.serviceRecovery";

    /// <inheritdoc />
    public string Name => ProviderName;

    /// <inheritdoc />
    public IEnumerable<ActionCandidate> Propose(EngagementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var causes = ServiceRecoveryCondition.Causes(context.State, context.Now, recoveryWindow);
        if (causes.Count == 0)
        {
            return [];
        }

        var values = CandidateText.Common(context);
        values["cause"] = string.Join("; ", causes);
        CandidateText.PutDays(values, CandidateText.DaysBetween(ServiceRecoveryCondition.Since(context.State, context.Now, recoveryWindow)!.Value, context.Now));
        values["nps"] = context.State.LastNps is { } nps ? CandidateText.Number(nps) : "none";
        return CandidateText.Candidates(context, ActionKinds.ServiceRecovery, values, causes, Name, detailsUnless: "{cause}");
    }
}
