namespace CustomerEngine.Grains.Campaigns;

/// <summary>
/// What a campaign remembers of one customer in its audience: the group, whether they were counted
/// as eligible, the last trigger counted, and their presentations. Changed only in the customer's
/// own turn; read by snapshots under its lock.
/// </summary>
public sealed class CampaignCustomerState
{
    /// <summary>The customer.</summary>
    public string CustomerId { get; set; } = string.Empty;

    /// <summary>True when in the control group (never shown the offer).</summary>
    public bool Holdout { get; set; }

    /// <summary>Counted as eligible.</summary>
    public bool Eligible { get; set; }

    /// <summary>
    /// The fingerprint (<c>TriggerFingerprint</c>) of the last trigger occurrence counted, so an
    /// occurrence counts once; null when none was, or when an older record gives <see cref="LastTriggerKey"/> instead.
    /// </summary>
    public long? LastTrigger { get; set; }

    /// <summary>The last trigger occurrence counted, as records written before <see cref="LastTrigger"/> kept it; no longer written.</summary>
    public string? LastTriggerKey { get; set; }

    /// <summary>Presentations (or withheld ones) within the cap and attribution windows.</summary>
    public List<CampaignPresentationState> Presentations { get; set; } = [];
}
