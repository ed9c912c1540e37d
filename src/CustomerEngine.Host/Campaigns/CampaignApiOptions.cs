namespace CustomerEngine.Host.Campaigns;

/// <summary>The campaign API and console (section <c>Campaigns</c>).</summary>
public sealed class CampaignApiOptions
{
    /// <summary>How many customers an audience estimate evaluates at most; a smaller base is counted whole. Default 500.</summary>
    public int EstimateSampleSize { get; set; } = 500;

    /// <summary>How often results are pushed to a campaign's watchers, at most. Default 1 second.</summary>
    public TimeSpan ResultsPushInterval { get; set; } = TimeSpan.FromSeconds(1);
}
