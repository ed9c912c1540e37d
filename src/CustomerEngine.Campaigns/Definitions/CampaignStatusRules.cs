namespace CustomerEngine.Campaigns.Definitions;

/// <summary>Which status changes a campaign allows.</summary>
public static class CampaignStatusRules
{
    /// <summary>
    /// True when a campaign in <paramref name="from"/> may move to <paramref name="to"/>: a draft or
    /// a paused campaign may be activated, an active one paused, and anything not yet ended ended
    /// (ending a draft discards it). Moving to the status it already has is not a change.
    /// </summary>
    public static bool Allows(CampaignStatus from, CampaignStatus to) => (from, to) switch
    {
        (CampaignStatus.Draft, CampaignStatus.Active) => true,
        (CampaignStatus.Paused, CampaignStatus.Active) => true,
        (CampaignStatus.Active, CampaignStatus.Paused) => true,
        (not CampaignStatus.Ended, CampaignStatus.Ended) => true,
        _ => false,
    };

    /// <summary>True when the definition may still be edited: anything but an ended campaign.</summary>
    public static bool AllowsEdit(CampaignStatus status) => status != CampaignStatus.Ended;
}
