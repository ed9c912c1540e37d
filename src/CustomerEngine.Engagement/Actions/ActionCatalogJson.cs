using System.Text;
using System.Text.Json;
using System.Xml;
using CustomerEngine.Domain.Events;
using CustomerEngine.Domain.Lifecycle;
using CustomerEngine.Domain.Segments;
using CustomerEngine.Domain.Value;

namespace CustomerEngine.Engagement.Actions;

/// <summary>
/// The JSON form of an <see cref="ActionCatalog"/>: camelCase fields, enum values by their API names,
/// validity as an ISO 8601 duration (<c>PT4H</c>). Unknown fields are errors rather than ignored,
/// because a misspelt optional field (<c>levr</c>) would otherwise silently fall back to its default.
/// </summary>
/// <example>
/// <code>
/// { "version": 3, "actions": [ {
///     "id": "win-back.we-miss-you", "kind": "winBack", "title": "Send a we-miss-you offer",
///     "reasonTemplate": "no purchase for {days} days", "value": 50, "lever": 1, "validity": "P1D",
///     "eligibility": { "stages": ["churned"], "requiredConsent": { "channel": "email", "purpose": "marketing" } } } ] }
/// </code>
/// </example>
public static class ActionCatalogJson
{
    private static readonly string[] RootFields = ["version", "actions"];
    private static readonly string[] ActionFields = ["id", "kind", "title", "reasonTemplate", "value", "lever", "validity", "sales", "eligibility"];
    private static readonly string[] EligibilityFields =
        ["stages", "tiers", "priceSensitivities", "brandLoyalties", "channelPreferences", "customerKinds", "attributes", "requiredConsent"];

    private static readonly string[] ConsentFields = ["channel", "purpose"];

    /// <summary>Reads a catalog, collecting every error rather than stopping at the first.</summary>
    public static ActionCatalogParseResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return ActionCatalogParseResult.Invalid([new("$", "is not valid JSON: " + e.Message)]);
        }

        using (document)
        {
            var errors = new List<CatalogValidationError>();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ActionCatalogParseResult.Invalid([new("$", "must be a JSON object")]);
            }

            RejectUnknown(errors, root, "", RootFields);
            var version = 0;
            if (!root.TryGetProperty("version", out var versionElement))
            {
                errors.Add(new("version", "is required"));
            }
            else if (versionElement.ValueKind != JsonValueKind.Number || !versionElement.TryGetInt32(out version))
            {
                errors.Add(new("version", "must be an integer"));
            }

            var actions = new List<(int Index, ActionDefinition Action)>();
            if (!root.TryGetProperty("actions", out var actionsElement) || actionsElement.ValueKind != JsonValueKind.Array)
            {
                errors.Add(new("actions", "must be an array"));
            }
            else
            {
                var index = 0;
                foreach (var element in actionsElement.EnumerateArray())
                {
                    if (ReadAction(errors, element, $"actions[{index}]") is { } action)
                    {
                        actions.Add((index, action));
                    }

                    index++;
                }
            }

            errors.AddRange(CatalogValidation.Check(version, actions));
            return errors.Count > 0
                ? ActionCatalogParseResult.Invalid(errors)
                : ActionCatalogParseResult.Valid(new ActionCatalog(version, actions.Select(a => a.Action)));
        }
    }

    /// <summary>Writes <paramref name="catalog"/> as indented JSON that <see cref="Parse"/> reads back to an equal catalog.</summary>
    public static string Serialize(ActionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", catalog.Version);
            writer.WriteStartArray("actions");
            foreach (var action in catalog.Actions)
            {
                WriteAction(writer, action);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static ActionDefinition? ReadAction(List<CatalogValidationError> errors, JsonElement element, string at)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(at, "must be an object"));
            return null;
        }

        RejectUnknown(errors, element, at, ActionFields);

        // Only the fields an action cannot be built without decide whether it is built: the rest
        // (unknown fields, eligibility) are reported, and the action still takes part in the
        // catalog-wide checks, so a duplicate id is found even next to an action with a typo.
        var before = errors.Count;
        var id = RequiredString(errors, element, at, "id");
        var kind = RequiredString(errors, element, at, "kind");
        var title = RequiredString(errors, element, at, "title");
        var reasonTemplate = RequiredString(errors, element, at, "reasonTemplate");
        var value = Number(errors, element, at, "value", required: true) ?? 0;
        var lever = Number(errors, element, at, "lever", required: false) ?? 1.0;
        var validity = Duration(errors, element, at, "validity") ?? ActionDefinition.DefaultValidity;
        var buildable = errors.Count == before;
        bool? sales = null;
        if (element.TryGetProperty("sales", out var salesElement) && salesElement.ValueKind != JsonValueKind.Null)
        {
            if (salesElement.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                sales = salesElement.GetBoolean();
            }
            else
            {
                errors.Add(new(at + ".sales", "must be true or false"));
            }
        }

        var eligibility = ActionEligibility.Any;
        if (element.TryGetProperty("eligibility", out var eligibilityElement) && eligibilityElement.ValueKind != JsonValueKind.Null)
        {
            eligibility = ReadEligibility(errors, eligibilityElement, at + ".eligibility");
        }

        return !buildable
            ? null
            : new ActionDefinition(id!, kind!, title!, reasonTemplate!, value)
            {
                Lever = lever,
                Validity = validity,
                Sales = sales,
                Eligibility = eligibility,
            };
    }

    private static ActionEligibility ReadEligibility(List<CatalogValidationError> errors, JsonElement element, string at)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(at, "must be an object"));
            return ActionEligibility.Any;
        }

        RejectUnknown(errors, element, at, EligibilityFields);
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (element.TryGetProperty("attributes", out var attributesElement) && attributesElement.ValueKind != JsonValueKind.Null)
        {
            if (attributesElement.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new(at + ".attributes", "must be an object of strings"));
            }
            else
            {
                foreach (var attribute in attributesElement.EnumerateObject())
                {
                    if (attribute.Value.ValueKind != JsonValueKind.String)
                    {
                        errors.Add(new($"{at}.attributes.{attribute.Name}", "must be a string"));
                    }
                    else
                    {
                        attributes[attribute.Name] = attribute.Value.GetString()!;
                    }
                }
            }
        }

        ConsentRequirement? consent = null;
        if (element.TryGetProperty("requiredConsent", out var consentElement) && consentElement.ValueKind != JsonValueKind.Null)
        {
            var consentAt = at + ".requiredConsent";
            if (consentElement.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new(consentAt, "must be an object with a channel and an optional purpose"));
            }
            else
            {
                RejectUnknown(errors, consentElement, consentAt, ConsentFields);
                var channel = RequiredString(errors, consentElement, consentAt, "channel");
                var purpose = OptionalString(errors, consentElement, consentAt, "purpose");
                if (channel is not null)
                {
                    consent = new ConsentRequirement(channel, purpose);
                }
            }
        }

        return new ActionEligibility
        {
            Stages = EnumList<LifecycleStage>(errors, element, at, "stages"),
            Tiers = EnumList<ValueTier>(errors, element, at, "tiers"),
            PriceSensitivities = EnumList<PriceSensitivity>(errors, element, at, "priceSensitivities"),
            BrandLoyalties = EnumList<BrandLoyalty>(errors, element, at, "brandLoyalties"),
            ChannelPreferences = EnumList<ChannelPreference>(errors, element, at, "channelPreferences"),
            CustomerKinds = EnumList<CustomerKind>(errors, element, at, "customerKinds"),
            Attributes = attributes,
            RequiredConsent = consent,
        };
    }

    private static TEnum[] EnumList<TEnum>(List<CatalogValidationError> errors, JsonElement element, string at, string name)
        where TEnum : struct, Enum
    {
        if (!element.TryGetProperty(name, out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new($"{at}.{name}", "must be an array of: " + ApiNames<TEnum>.List));
            return [];
        }

        var values = new List<TEnum>();
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && ApiNames<TEnum>.TryParse(item.GetString()!, out var value))
            {
                values.Add(value);
            }
            else
            {
                errors.Add(new($"{at}.{name}[{index}]", "must be one of: " + ApiNames<TEnum>.List));
            }

            index++;
        }

        return [.. values];
    }

    private static string? RequiredString(List<CatalogValidationError> errors, JsonElement element, string at, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            errors.Add(new(Path(at, name), "is required"));
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            errors.Add(new(Path(at, name), "must be a non-empty string"));
            return null;
        }

        return value.GetString();
    }

    private static string? OptionalString(List<CatalogValidationError> errors, JsonElement element, string at, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            errors.Add(new(Path(at, name), "must be a non-empty string when given"));
            return null;
        }

        return value.GetString();
    }

    private static double? Number(List<CatalogValidationError> errors, JsonElement element, string at, string name, bool required)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.Add(new(Path(at, name), "is required"));
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            errors.Add(new(Path(at, name), "must be a number"));
            return null;
        }

        // Range checks (> 0) are the shared catalog rules', so code and JSON report them alike.
        return number;
    }

    private static TimeSpan? Duration(List<CatalogValidationError> errors, JsonElement element, string at, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            try
            {
                return XmlConvert.ToTimeSpan(value.GetString()!);
            }
            catch (FormatException)
            {
                // Reported below with the same message as a wrong type.
            }
            catch (OverflowException)
            {
                // Reported below with the same message as a wrong type.
            }
        }

        errors.Add(new(Path(at, name), "must be an ISO 8601 duration such as \"PT4H\" or \"P1D\""));
        return null;
    }

    private static void RejectUnknown(List<CatalogValidationError> errors, JsonElement element, string at, string[] known)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (Array.IndexOf(known, property.Name) < 0)
            {
                errors.Add(new(Path(at, property.Name), "is not a known field (expected one of: " + string.Join(", ", known) + ")"));
            }
        }
    }

    private static string Path(string at, string name) => at.Length == 0 ? name : at + "." + name;

    private static void WriteAction(Utf8JsonWriter writer, ActionDefinition action)
    {
        writer.WriteStartObject();
        writer.WriteString("id", action.Id);
        writer.WriteString("kind", action.Kind);
        writer.WriteString("title", action.Title);
        writer.WriteString("reasonTemplate", action.ReasonTemplate);
        writer.WriteNumber("value", action.Value);
        writer.WriteNumber("lever", action.Lever);
        writer.WriteString("validity", XmlConvert.ToString(action.Validity));
        if (action.Sales is { } sales)
        {
            writer.WriteBoolean("sales", sales);
        }

        var eligibility = action.Eligibility;
        if (!eligibility.IsAny)
        {
            writer.WriteStartObject("eligibility");
            WriteList(writer, "stages", eligibility.Stages);
            WriteList(writer, "tiers", eligibility.Tiers);
            WriteList(writer, "priceSensitivities", eligibility.PriceSensitivities);
            WriteList(writer, "brandLoyalties", eligibility.BrandLoyalties);
            WriteList(writer, "channelPreferences", eligibility.ChannelPreferences);
            WriteList(writer, "customerKinds", eligibility.CustomerKinds);
            if (eligibility.Attributes.Count > 0)
            {
                writer.WriteStartObject("attributes");
                foreach (var (key, value) in eligibility.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
                {
                    writer.WriteString(key, value);
                }

                writer.WriteEndObject();
            }

            if (eligibility.RequiredConsent is { } consent)
            {
                writer.WriteStartObject("requiredConsent");
                writer.WriteString("channel", consent.Channel);
                if (consent.Purpose is { } purpose)
                {
                    writer.WriteString("purpose", purpose);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteList<TEnum>(Utf8JsonWriter writer, string name, IReadOnlyList<TEnum> values)
        where TEnum : struct, Enum
    {
        if (values.Count == 0)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(ApiNames<TEnum>.Of(value));
        }

        writer.WriteEndArray();
    }
}
