using System.Text.Json.Serialization;

namespace CustomerEngine.Domain.Events;

/// <summary>The channel through which a customer interaction happened.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EventChannel>))]
public enum EventChannel
{
    /// <summary>A physical store.</summary>
    [JsonStringEnumMemberName("store")]
    Store,

    /// <summary>The web shop.</summary>
    [JsonStringEnumMemberName("online")]
    Online,

    /// <summary>The mobile app; counts as online for channel preference.</summary>
    [JsonStringEnumMemberName("app")]
    App,

    /// <summary>The call centre; counts only toward the total for channel preference.</summary>
    [JsonStringEnumMemberName("callcenter")]
    CallCenter,
}
