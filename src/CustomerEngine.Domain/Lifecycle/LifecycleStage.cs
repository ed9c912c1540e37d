using System.Text.Json.Serialization;

namespace CustomerEngine.Domain.Lifecycle;

/// <summary>Where a customer stands in the relationship (DOMAIN.md §2).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LifecycleStage>))]
public enum LifecycleStage
{
    /// <summary>Known or anonymous, no purchase yet.</summary>
    [JsonStringEnumMemberName("prospect")]
    Prospect,

    /// <summary>Made a first purchase.</summary>
    [JsonStringEnumMemberName("new")]
    New,

    /// <summary>Buys repeatedly within the active window.</summary>
    [JsonStringEnumMemberName("active")]
    Active,

    /// <summary>Has not bought for a while; may be slipping away.</summary>
    [JsonStringEnumMemberName("atRisk")]
    AtRisk,

    /// <summary>Has not bought for so long that the customer is considered lost.</summary>
    [JsonStringEnumMemberName("churned")]
    Churned,

    /// <summary>Bought again after churning; a repeat purchase within the window makes them active.</summary>
    [JsonStringEnumMemberName("wonBack")]
    WonBack,
}
