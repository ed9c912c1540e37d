using System.Text.Json.Serialization;

namespace CustomerEngine.Engagement.Outcomes;

/// <summary>What staff did with a suggestion.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SuggestionOutcome>))]
public enum SuggestionOutcome
{
    /// <summary>The customer took the offer.</summary>
    [JsonStringEnumMemberName("accepted")]
    Accepted,

    /// <summary>Staff or the customer declined it.</summary>
    [JsonStringEnumMemberName("dismissed")]
    Dismissed,
}
