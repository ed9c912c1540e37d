using System.Text.Json.Serialization;

namespace CustomerEngine.Domain.Segments;

/// <summary>Where the customer interacts.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChannelPreference>))]
public enum ChannelPreference
{
    /// <summary>Mostly in stores.</summary>
    [JsonStringEnumMemberName("store")]
    Store,

    /// <summary>Mostly online (web or app).</summary>
    [JsonStringEnumMemberName("online")]
    Online,

    /// <summary>No channel dominates.</summary>
    [JsonStringEnumMemberName("omnichannel")]
    Omnichannel,
}
