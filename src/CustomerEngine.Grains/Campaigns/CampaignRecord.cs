using CustomerEngine.Campaigns.Definitions;

namespace CustomerEngine.Grains.Campaigns;

/// <summary>A campaign's durable record: its definition, status and the audit trail of every change.</summary>
public sealed class CampaignRecord
{
    /// <summary>The campaign's id; null until it is created.</summary>
    public string? Id { get; set; }

    /// <summary>The definition in force.</summary>
    public CampaignDefinition? Definition { get; set; }

    /// <summary>The status.</summary>
    public CampaignStatus Status { get; set; }

    /// <summary>1 on creation, one more on every change.</summary>
    public int Version { get; set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Who created it.</summary>
    public string CreatedBy { get; set; } = string.Empty;

    /// <summary>When it last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Who changed it last.</summary>
    public string UpdatedBy { get; set; } = string.Empty;

    /// <summary>When it was first activated; null while it never was.</summary>
    public DateTimeOffset? FirstActivatedAt { get; set; }

    /// <summary>Every change, oldest first.</summary>
    public List<CampaignChange> History { get; set; } = [];
}
