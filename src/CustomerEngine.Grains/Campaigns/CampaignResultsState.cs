using CustomerEngine.Campaigns.Results;

namespace CustomerEngine.Grains.Campaigns;

/// <summary>The stored form of a campaign's live results, written every few seconds and on shutdown.</summary>
public sealed class CampaignResultsState
{
    /// <summary>The treatment group's counts.</summary>
    public GroupCounts Treatment { get; set; } = GroupCounts.Zero;

    /// <summary>The holdout group's counts.</summary>
    public GroupCounts Holdout { get; set; } = GroupCounts.Zero;

    /// <summary>The series.</summary>
    public CampaignSeriesSnapshot? Series { get; set; }

    /// <summary>
    /// The campaign's change count when these results were read: a save never replaces results read
    /// later, so a customer an erasure dropped cannot come back with an older snapshot.
    /// </summary>
    public long Changes { get; set; }

    /// <summary>Every customer the campaign found in its audience.</summary>
    public List<CampaignCustomerState> Customers { get; set; } = [];
}
