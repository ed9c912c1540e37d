using System.Text.Json;
using CustomerEngine.Campaigns.Validation;

namespace CustomerEngine.Campaigns.Definitions;

/// <summary>Reads and writes campaign definitions in the wire form (camelCase; absent fields are null).</summary>
public static class CampaignJson
{
    /// <summary>The serializer settings of the wire form.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Reads a definition; malformed JSON or a value of the wrong type is an error naming the field
    /// (e.g. <c>caps.perCustomer</c>). The definition still has to be validated.
    /// </summary>
    public static (CampaignDefinition? Definition, CampaignValidationError? Error) Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var definition = JsonSerializer.Deserialize<CampaignDefinition>(json, Options);
            return definition is null ? (null, new CampaignValidationError("body", "must be a campaign object")) : (definition, null);
        }
        catch (JsonException e)
        {
            return (null, new CampaignValidationError(FieldOf(e.Path), "is malformed or has a value of the wrong type"));
        }
    }

    /// <summary>The definition as a JSON element of the wire form.</summary>
    public static JsonElement Serialize(CampaignDefinition definition) => JsonSerializer.SerializeToElement(definition, Options);

    /// <summary>A JSON path as <see cref="JsonException.Path"/> gives it (<c>$.caps.perCustomer</c>), as the field name problems use.</summary>
    internal static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
}
