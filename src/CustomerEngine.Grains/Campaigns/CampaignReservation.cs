namespace CustomerEngine.Grains.Campaigns;

/// <summary>
/// A campaign's claim on one arbitration of one customer: a budget slot for a treatment customer,
/// or the note that a holdout customer's offer is being withheld. Settled once arbitration is done.
/// </summary>
/// <param name="Campaign">The campaign.</param>
/// <param name="Customer">The customer's record in the campaign.</param>
/// <param name="Holdout">True for a holdout customer (no budget slot is held).</param>
public sealed record CampaignReservation(LiveCampaign Campaign, CampaignCustomerState Customer, bool Holdout)
{
    /// <summary>How long the offer stays a current suggestion once presented (the action's validity).</summary>
    public TimeSpan Validity { get; init; } = TimeSpan.FromHours(4);

    /// <summary>How long after that the contact policy keeps the same offer from coming back.</summary>
    public TimeSpan RepeatWindow { get; init; }
}
