namespace CustomerEngine.Campaigns.Definitions;

/// <summary>
/// What a campaign offers: an action of the catalog (<see cref="ActionId"/>, whose title, reason,
/// value and eligibility apply unless overridden here) or an inline action with a title, a reason
/// and a value.
/// </summary>
public sealed record CampaignOffer
{
    /// <summary>The headline staff see; required for an inline offer.</summary>
    public string? Title { get; init; }

    /// <summary>Why the offer suits the customer, for staff to read; required for an inline offer.</summary>
    public string? Reason { get; init; }

    /// <summary>The business value if accepted (greater than 0); required for an inline offer.</summary>
    public double? Value { get; init; }

    /// <summary>A catalog action to offer instead of an inline one.</summary>
    public string? ActionId { get; init; }

    /// <summary>The consent an inline offer needs (a catalog action brings its own); null when none.</summary>
    public OfferConsent? RequiredConsent { get; init; }
}
