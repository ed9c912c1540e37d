namespace CustomerEngine.Grains.Campaigns;

/// <summary>The stored list of campaign ids.</summary>
public sealed class CampaignDirectoryState
{
    /// <summary>Every campaign id, oldest first.</summary>
    public List<string> CampaignIds { get; set; } = [];
}
