namespace CustomerEngine.Campaigns.Evaluation;

/// <summary>What one evaluation of a campaign for one customer found.</summary>
public enum CampaignDecision
{
    /// <summary>The moment is not one the campaign looks at (outside its schedule, or not its trigger).</summary>
    NotApplicable,

    /// <summary>The customer is not in the audience.</summary>
    OutsideAudience,

    /// <summary>In the audience, but the trigger's condition on the event does not hold.</summary>
    InAudience,

    /// <summary>In the audience and triggered: the offer should come up (or, for the holdout, be withheld).</summary>
    Triggered,
}
