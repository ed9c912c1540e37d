namespace CustomerEngine.Campaigns.Results;

/// <summary>The stored form of a <see cref="CampaignSeries"/>.</summary>
public sealed class CampaignSeriesSnapshot
{
    /// <summary>The first bucket's start, or null when nothing was counted.</summary>
    public DateTimeOffset? Start { get; set; }

    /// <summary>The width of a bucket, in seconds.</summary>
    public long BucketSeconds { get; set; }

    /// <summary>Per bucket: treatment presented, accepted, conversions, then the same for the holdout.</summary>
    public List<long[]> Buckets { get; set; } = [];
}
