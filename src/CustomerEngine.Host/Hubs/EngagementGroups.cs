namespace CustomerEngine.Host.Hubs;

/// <summary>The SignalR group names of the engagement hub, shared by the hub and the publisher.</summary>
public static class EngagementGroups
{
    /// <summary>The dashboards of one store.</summary>
    public static string Store(string storeId) => $"store:{storeId}";

    /// <summary>The connections watching one customer.</summary>
    public static string Customer(string customerId) => $"customer:{customerId}";

    /// <summary>The live overviews of managers and marketing.</summary>
    public const string Overview = "overview";

    /// <summary>The marketing consoles watching one campaign's results.</summary>
    public static string Campaign(string campaignId) => CampaignPrefix + campaignId;

    /// <summary>The campaign id of a <see cref="Campaign"/> group; null for any other group.</summary>
    public static string? CampaignOf(string group) =>
        group.StartsWith(CampaignPrefix, StringComparison.Ordinal) ? group[CampaignPrefix.Length..] : null;

    private const string CampaignPrefix = "campaign:";
}
