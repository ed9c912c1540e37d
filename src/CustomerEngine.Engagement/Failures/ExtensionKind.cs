using System.Text.Json.Serialization;

namespace CustomerEngine.Engagement.Failures;

/// <summary>Which extension point a failing extension plugs into.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExtensionKind>))]
public enum ExtensionKind
{
    /// <summary>An <c>ICandidateActionProvider</c>.</summary>
    [JsonStringEnumMemberName("provider")]
    Provider,

    /// <summary>An <c>IContextWeightRule</c>.</summary>
    [JsonStringEnumMemberName("weightRule")]
    WeightRule,

    /// <summary>An <c>IEngagementEventHandler</c>.</summary>
    [JsonStringEnumMemberName("eventHandler")]
    EventHandler,
}
