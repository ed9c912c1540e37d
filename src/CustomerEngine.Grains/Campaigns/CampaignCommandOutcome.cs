namespace CustomerEngine.Grains.Campaigns;

/// <summary>What came of a command to a campaign.</summary>
public enum CampaignCommandOutcome
{
    /// <summary>Done; the record changed.</summary>
    Changed,

    /// <summary>Nothing to do: the campaign already was as asked.</summary>
    Unchanged,

    /// <summary>No such campaign.</summary>
    NotFound,

    /// <summary>Not allowed from the campaign's status (e.g. editing an ended campaign).</summary>
    Conflict,

    /// <summary>The request is invalid for this campaign (e.g. changing the holdout of a campaign that has run).</summary>
    Invalid,
}
