using System.Text.Json.Serialization;

namespace CustomerEngine.Engagement.Outcomes;

/// <summary>How recording an outcome went (the same three answers as the grains' outcome recorder).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OutcomeStatus>))]
public enum OutcomeStatus
{
    /// <summary>Recorded now; the propensity posterior learns from it.</summary>
    [JsonStringEnumMemberName("recorded")]
    Recorded,

    /// <summary>The same outcome was already recorded; nothing changed.</summary>
    [JsonStringEnumMemberName("alreadyRecorded")]
    AlreadyRecorded,

    /// <summary>No such suggestion (unknown or pruned id), or a different outcome was recorded already.</summary>
    [JsonStringEnumMemberName("notFound")]
    NotFound,
}
