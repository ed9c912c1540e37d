using System.Text.Json.Serialization;

namespace CustomerEngine.Domain.Segments;

/// <summary>Whether discounts drive the customer's buying.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PriceSensitivity>))]
public enum PriceSensitivity
{
    /// <summary>At least the configured share of item spend went to discounted items.</summary>
    [JsonStringEnumMemberName("priceDriven")]
    PriceDriven,

    /// <summary>Buys mostly at full price.</summary>
    [JsonStringEnumMemberName("valueDriven")]
    ValueDriven,
}
