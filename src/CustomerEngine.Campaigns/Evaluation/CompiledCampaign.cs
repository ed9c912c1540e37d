using CustomerEngine.Campaigns.Caps;
using CustomerEngine.Campaigns.Conditions;
using CustomerEngine.Campaigns.Definitions;
using CustomerEngine.Campaigns.Scheduling;
using CustomerEngine.Campaigns.Triggers;

namespace CustomerEngine.Campaigns.Evaluation;

/// <summary>
/// A validated campaign, ready to be evaluated on every arbitration: conditions compiled, schedule
/// and caps resolved. Immutable; an edit compiles a new one. Built by <see cref="CampaignCompiler"/>.
/// </summary>
public sealed class CompiledCampaign
{
    private const string StandingKey = "standing";
    private static readonly long StandingFingerprint = TriggerFingerprint.Of(StandingKey);

    private readonly CompiledCondition<AudienceSubject>? _audience;
    private readonly CompiledCondition<TriggerSubject>? _where;

    internal CompiledCampaign(
        string id,
        CampaignDefinition definition,
        CompiledCondition<AudienceSubject>? audience,
        string? triggerType,
        CompiledCondition<TriggerSubject>? where,
        ScheduleWindow schedule,
        CustomerCap cap,
        TimeSpan lifecycleWindow)
    {
        Id = id;
        Definition = definition;
        _audience = audience;
        TriggerType = triggerType;
        _where = where;
        Schedule = schedule;
        Cap = cap;
        LifecycleWindow = lifecycleWindow;
    }

    /// <summary>The campaign's id.</summary>
    public string Id { get; }

    /// <summary>The definition it was compiled from.</summary>
    public CampaignDefinition Definition { get; }

    /// <summary>The campaign's name.</summary>
    public string Name => Definition.Name!;

    /// <summary>The event type it triggers on, or null for a standing offer.</summary>
    public string? TriggerType { get; }

    /// <summary>True for a standing offer ("while in audience").</summary>
    public bool IsStanding => TriggerType is null;

    /// <summary>When it may reach customers.</summary>
    public ScheduleWindow Schedule { get; }

    /// <summary>The limit per customer.</summary>
    public CustomerCap Cap { get; }

    /// <summary>The total budget of presentations, or null.</summary>
    public long? Budget => Definition.Caps?.TotalPresentations;

    /// <summary>The control group's share, 0 to under 100.</summary>
    public double HoldoutPercent => Definition.HoldoutPercent ?? 0;

    /// <summary>The business lever in arbitration.</summary>
    public double Lever => Definition.Lever ?? 1.0;

    /// <summary>How recent a lifecycle change must be to trigger.</summary>
    public TimeSpan LifecycleWindow { get; }

    /// <summary>The offer.</summary>
    public CampaignOffer Offer => Definition.Offer!;

    /// <summary>Whether the customer is in the audience (also used to estimate an audience's size).</summary>
    public bool InAudience(AudienceSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return _audience is null || _audience.Matches(subject);
    }

    /// <summary>Whether a decision prompted by <paramref name="trigger"/> is one this campaign looks at at all (its trigger's type).</summary>
    public bool LooksAt(TriggerSubject? trigger) =>
        TriggerType is null || TriggerType == CampaignTriggerTypes.LifecycleChanged || (trigger is not null && string.Equals(trigger.Type, TriggerType, StringComparison.Ordinal));

    /// <summary>
    /// Evaluates the campaign for one customer at one decision. Cheap checks come first: the
    /// schedule and the trigger's type rule out most campaigns before any condition is read.
    /// </summary>
    /// <param name="subject">The customer.</param>
    /// <param name="trigger">The event that prompted the decision, if any.</param>
    /// <param name="now">The moment of the decision.</param>
    /// <param name="knownInAudience">
    /// True when the customer was already found in the audience: if the trigger's condition does not
    /// hold, the audience is then not read again (nothing would be counted), and the result is
    /// <see cref="CampaignDecision.InAudience"/>.
    /// </param>
    public CampaignEvaluation Evaluate(AudienceSubject subject, TriggerSubject? trigger, DateTimeOffset now, bool knownInAudience = false)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (!Schedule.IsOpen(now))
        {
            return CampaignEvaluation.NotApplicable;
        }

        TriggerSubject? occurrence = null;
        if (TriggerType == CampaignTriggerTypes.LifecycleChanged)
        {
            var history = subject.View.Lifecycle.History;
            if (history.Count == 0 || history[^1] is not { } latest || latest.At <= now - LifecycleWindow || latest.At > now)
            {
                return CampaignEvaluation.NotApplicable;
            }

            occurrence = subject.TransitionTrigger(latest);
        }
        else if (TriggerType is not null)
        {
            if (trigger is null || !string.Equals(trigger.Type, TriggerType, StringComparison.Ordinal))
            {
                return CampaignEvaluation.NotApplicable;
            }

            occurrence = trigger;
        }

        // The event's condition first: it is usually the more selective, and it spares the
        // audience for a customer already counted.
        var whereHolds = _where is null || _where.Matches(occurrence!);
        if (!whereHolds && knownInAudience)
        {
            return new CampaignEvaluation(CampaignDecision.InAudience);
        }

        if (!InAudience(subject))
        {
            return new CampaignEvaluation(CampaignDecision.OutsideAudience);
        }

        if (!whereHolds)
        {
            return new CampaignEvaluation(CampaignDecision.InAudience);
        }

        return occurrence is null
            ? new CampaignEvaluation(CampaignDecision.Triggered, StandingKey, Standing: true, StandingFingerprint)
            : new CampaignEvaluation(CampaignDecision.Triggered, occurrence.Key, TriggerFingerprint: occurrence.Fingerprint);
    }
}
