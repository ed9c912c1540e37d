namespace CustomerEngine.Campaigns.Evaluation;

/// <summary>The result of evaluating a campaign for one customer at one moment.</summary>
/// <param name="Decision">What was found.</param>
/// <param name="TriggerKey">
/// For <see cref="CampaignDecision.Triggered"/>: the occurrence that triggered it (an event id, a
/// lifecycle transition, or <c>standing</c>), so that one occurrence counts once.
/// </param>
/// <param name="Standing">True for a standing offer, which may come up again at later decisions.</param>
/// <param name="TriggerFingerprint">For <see cref="CampaignDecision.Triggered"/>: the <see cref="Triggers.TriggerFingerprint"/> of <paramref name="TriggerKey"/>.</param>
public readonly record struct CampaignEvaluation(CampaignDecision Decision, string? TriggerKey = null, bool Standing = false, long TriggerFingerprint = 0)
{
    /// <summary>Nothing to do.</summary>
    public static CampaignEvaluation NotApplicable => new(CampaignDecision.NotApplicable);
}
