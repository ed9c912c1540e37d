using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerEngine.Campaigns.Conditions;

/// <summary>
/// A composable condition as it is written on the wire: a test of one field
/// (<c>{ "field", "in" | "equals" | "contains" | "gte" | "lte" }</c>, where <c>gte</c> and <c>lte</c>
/// may go together to form a range), or <c>{ "all": [...] }</c>, <c>{ "any": [...] }</c>,
/// <c>{ "not": {...} }</c>. Unset parts are left out when it is written back.
/// </summary>
public sealed record Condition
{
    /// <summary>A dotted path: into the customer 360 view for audiences, into the event for triggers.</summary>
    [JsonPropertyName("field")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Field { get; init; }

    /// <summary>Matches when a value at the path is one of these.</summary>
    [JsonPropertyName("in")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<JsonElement>? In { get; init; }

    /// <summary>Matches when a value at the path equals this (<c>equals</c> on the wire).</summary>
    [JsonPropertyName("equals")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? EqualTo { get; init; }

    /// <summary>Matches when a text value at the path contains this text (any case), or a number equals it.</summary>
    [JsonPropertyName("contains")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Contains { get; init; }

    /// <summary>Matches when a value at the path is at least this number or time.</summary>
    [JsonPropertyName("gte")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Gte { get; init; }

    /// <summary>Matches when a value at the path is at most this number or time.</summary>
    [JsonPropertyName("lte")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Lte { get; init; }

    /// <summary>Matches when every one of these matches.</summary>
    [JsonPropertyName("all")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Condition?>? All { get; init; }

    /// <summary>Matches when at least one of these matches.</summary>
    [JsonPropertyName("any")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Condition?>? Any { get; init; }

    /// <summary>Matches when this does not.</summary>
    [JsonPropertyName("not")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Condition? Not { get; init; }
}
