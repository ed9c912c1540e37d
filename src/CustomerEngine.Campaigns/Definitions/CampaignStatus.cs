using System.Text.Json.Serialization;

namespace CustomerEngine.Campaigns.Definitions;

/// <summary>Where a campaign stands: <c>draft</c> → <c>active</c> ⇄ <c>paused</c> → <c>ended</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CampaignStatus>))]
public enum CampaignStatus
{
    /// <summary>Being written; reaches nobody.</summary>
    [JsonStringEnumMemberName("draft")]
    Draft,

    /// <summary>Reaching customers.</summary>
    [JsonStringEnumMemberName("active")]
    Active,

    /// <summary>Stopped for now; may be activated again.</summary>
    [JsonStringEnumMemberName("paused")]
    Paused,

    /// <summary>Over for good; results stay readable.</summary>
    [JsonStringEnumMemberName("ended")]
    Ended,
}
