namespace CustomerEngine.Grains.Campaigns;

/// <summary>The campaigns a customer has presentations of that a purchase may still convert, and the purchase last looked at.</summary>
internal sealed class CustomerAttribution
{
    /// <summary>The latest purchase time already checked against the presentations.</summary>
    public DateTimeOffset? CheckedPurchaseAt { get; set; }

    /// <summary>The campaigns with presentations in their attribution window.</summary>
    public List<LiveCampaign> Campaigns { get; } = [];
}
