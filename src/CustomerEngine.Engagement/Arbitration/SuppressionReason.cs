using System.Text.Json.Serialization;

namespace CustomerEngine.Engagement.Arbitration;

/// <summary>Why a proposed action is not among the current suggestions.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SuppressionReason>))]
public enum SuppressionReason
{
    /// <summary>The customer does not meet the action's eligibility (stage, tier, segment, kind, attributes).</summary>
    [JsonStringEnumMemberName("ineligible")]
    Ineligible,

    /// <summary>The action needs a consent the customer has not granted.</summary>
    [JsonStringEnumMemberName("consent")]
    Consent,

    /// <summary>A sales action while service recovery applies.</summary>
    [JsonStringEnumMemberName("recovery")]
    Recovery,

    /// <summary>The customer dismissed the action within the decline cool-down.</summary>
    [JsonStringEnumMemberName("cooldown")]
    Cooldown,

    /// <summary>The action was presented within the repeat window.</summary>
    [JsonStringEnumMemberName("repeatWindow")]
    RepeatWindow,

    /// <summary>The customer has had the most presentations allowed in the last 24 hours.</summary>
    [JsonStringEnumMemberName("cap")]
    Cap,
}
