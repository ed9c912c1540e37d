namespace CustomerEngine.Campaigns.Definitions;

/// <summary>A campaign's limits: presentations per customer over a window, and in total (the budget).</summary>
public sealed record CampaignCaps
{
    /// <summary>At most this many presentations to one customer within <see cref="PerCustomerWindowDays"/>; null means no limit.</summary>
    public int? PerCustomer { get; init; }

    /// <summary>The window of <see cref="PerCustomer"/>, in days; null means 30.</summary>
    public int? PerCustomerWindowDays { get; init; }

    /// <summary>At most this many presentations over the campaign's life; null means no budget.</summary>
    public long? TotalPresentations { get; init; }
}
