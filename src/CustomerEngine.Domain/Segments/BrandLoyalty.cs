using System.Text.Json.Serialization;

namespace CustomerEngine.Domain.Segments;

/// <summary>How the customer's purchases spread over brands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BrandLoyalty>))]
public enum BrandLoyalty
{
    /// <summary>One brand takes at least the configured share of branded items.</summary>
    [JsonStringEnumMemberName("loyal")]
    Loyal,

    /// <summary>Neither loyal nor an explorer.</summary>
    [JsonStringEnumMemberName("switcher")]
    Switcher,

    /// <summary>Many brands, none dominant.</summary>
    [JsonStringEnumMemberName("multiBrandExplorer")]
    MultiBrandExplorer,
}
