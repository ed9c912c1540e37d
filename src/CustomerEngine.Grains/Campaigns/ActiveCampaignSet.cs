using System.Collections.Frozen;

namespace CustomerEngine.Grains.Campaigns;

/// <summary>The active campaigns at one moment, and where each one's action id stands among them. Immutable.</summary>
public sealed class ActiveCampaignSet
{
    /// <summary>The active campaigns in order of id.</summary>
    public ActiveCampaignSet(LiveCampaign[] campaigns)
    {
        ArgumentNullException.ThrowIfNull(campaigns);
        Campaigns = campaigns;
        PositionByActionId = campaigns.Select((c, i) => (c.ActionId, i)).ToFrozenDictionary(x => x.ActionId, x => x.i, StringComparer.Ordinal);
    }

    /// <summary>No active campaign.</summary>
    public static ActiveCampaignSet Empty { get; } = new([]);

    /// <summary>The active campaigns in order of id.</summary>
    public IReadOnlyList<LiveCampaign> Campaigns { get; }

    /// <summary>The position in <see cref="Campaigns"/> of the campaign whose action id is the key.</summary>
    public FrozenDictionary<string, int> PositionByActionId { get; }
}
