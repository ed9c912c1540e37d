namespace CustomerEngine.Grains.Campaigns;

/// <summary>One presentation (or withheld one) of a campaign to a customer, kept for caps and attribution.</summary>
public sealed class CampaignPresentationState
{
    /// <summary>When it was presented (or withheld).</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>The suggestion's id; null for a withheld (holdout) one.</summary>
    public string? SuggestionId { get; set; }

    /// <summary>
    /// For a withheld (holdout) one: until when it would have been a current suggestion, and until
    /// when the contact policy would then have kept the offer from coming back. The holdout is held
    /// to the same rhythm as the treatment group, whose real suggestions the contact policy governs.
    /// </summary>
    public DateTimeOffset? WouldBeCurrentUntil { get; set; }

    /// <summary>For a withheld one: until when the offer would not have been presented again.</summary>
    public DateTimeOffset? WouldBeBlockedUntil { get; set; }

    /// <summary>Whether a purchase within the attribution window has been counted for it.</summary>
    public bool Converted { get; set; }
}
