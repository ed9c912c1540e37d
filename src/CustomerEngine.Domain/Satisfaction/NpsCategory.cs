using System.Text.Json.Serialization;

namespace CustomerEngine.Domain.Satisfaction;

/// <summary>The Net Promoter category of a 0–10 score; <c>NpsCategory.Of(score)</c> classifies one (see <see cref="NpsScale"/>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NpsCategory>))]
public enum NpsCategory
{
    /// <summary>9–10: likely to recommend.</summary>
    [JsonStringEnumMemberName("promoter")]
    Promoter,

    /// <summary>7–8: satisfied but unenthusiastic.</summary>
    [JsonStringEnumMemberName("passive")]
    Passive,

    /// <summary>0–6: unhappy; needs attention at once.</summary>
    [JsonStringEnumMemberName("detractor")]
    Detractor,
}
