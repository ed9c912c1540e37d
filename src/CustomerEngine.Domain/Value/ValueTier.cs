using System.Text.Json.Serialization;

namespace CustomerEngine.Domain.Value;

/// <summary>A customer's value relative to the whole base.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ValueTier>))]
public enum ValueTier
{
    /// <summary>The top share of the base (20% by default).</summary>
    [JsonStringEnumMemberName("high")]
    High,

    /// <summary>Neither top nor bottom.</summary>
    [JsonStringEnumMemberName("medium")]
    Medium,

    /// <summary>The bottom share of the base (30% by default).</summary>
    [JsonStringEnumMemberName("low")]
    Low,
}
