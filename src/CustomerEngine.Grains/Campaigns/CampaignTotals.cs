using CustomerEngine.Campaigns.Results;

namespace CustomerEngine.Grains.Campaigns;

/// <summary>
/// A campaign's counts on one node, without what it remembers of each customer: what a node tells
/// the others sharing the store, so that each shows the whole campaign's results and spends one budget.
/// </summary>
/// <param name="Treatment">The treatment group's counts.</param>
/// <param name="Holdout">The holdout group's counts.</param>
/// <param name="Series">The counts over time, or null when none.</param>
public sealed record CampaignTotals(GroupCounts Treatment, GroupCounts Holdout, CampaignSeriesSnapshot? Series)
{
    /// <summary>Nothing counted.</summary>
    public static CampaignTotals None { get; } = new(GroupCounts.Zero, GroupCounts.Zero, null);

    /// <summary>These counts and <paramref name="other"/>'s together.</summary>
    public CampaignTotals Plus(CampaignTotals other)
    {
        ArgumentNullException.ThrowIfNull(other);
        CampaignSeriesSnapshot? series = null;
        if (Series is not null || other.Series is not null)
        {
            var sum = CampaignSeries.Restore(Series, TimeSpan.FromSeconds(Math.Max(1, Series?.BucketSeconds ?? other.Series!.BucketSeconds)));
            sum.Absorb(other.Series);
            series = sum.Snapshot();
        }

        return new(Treatment.Plus(other.Treatment), Holdout.Plus(other.Holdout), series);
    }
}
