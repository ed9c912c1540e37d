namespace CustomerEngine.Engagement.Actions;

/// <summary>
/// The rules every catalog obeys, whether built in code or read from JSON, reported with the JSON
/// paths of the fields at fault so both routes explain themselves the same way.
/// </summary>
internal static class CatalogValidation
{
    public const int MaxIdLength = 128;

    /// <summary>
    /// Whether <paramref name="action"/> alone passes <see cref="Check"/> (the duplicate-id rule
    /// aside), without building a message: arbitration checks every candidate of every decision,
    /// and almost all of them pass.
    /// </summary>
    public static bool IsValid(ActionDefinition? action)
    {
        if (action is null
            || string.IsNullOrWhiteSpace(action.Id) || action.Id.Length > MaxIdLength
            || string.IsNullOrWhiteSpace(action.Kind) || string.IsNullOrWhiteSpace(action.Title) || string.IsNullOrWhiteSpace(action.ReasonTemplate)
            || !(double.IsFinite(action.Value) && action.Value > 0)
            || !(double.IsFinite(action.Lever) && action.Lever > 0)
            || action.Validity <= TimeSpan.Zero
            || action.Eligibility is not { } eligibility)
        {
            return false;
        }

        foreach (var (key, value) in eligibility.Attributes)
        {
            if (string.IsNullOrWhiteSpace(key) || value is null)
            {
                return false;
            }
        }

        return eligibility.RequiredConsent is not { } consent
            || (!string.IsNullOrWhiteSpace(consent.Channel) && (consent.Purpose is not { } purpose || !string.IsNullOrWhiteSpace(purpose)));
    }

    public static List<CatalogValidationError> Check(int version, IEnumerable<(int Index, ActionDefinition Action)> actions)
    {
        var errors = new List<CatalogValidationError>();
        if (version < 0)
        {
            errors.Add(new("version", "must be 0 or more"));
        }

        var firstIndexById = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (index, action) in actions)
        {
            var at = $"actions[{index}]";
            if (action is null)
            {
                errors.Add(new(at, "must be an action"));
                continue;
            }

            if (string.IsNullOrWhiteSpace(action.Id))
            {
                errors.Add(new(at + ".id", "must be a non-empty string"));
            }
            else if (action.Id.Length > MaxIdLength)
            {
                errors.Add(new(at + ".id", $"must be at most {MaxIdLength} characters"));
            }
            else if (!firstIndexById.TryAdd(action.Id, index))
            {
                errors.Add(new(at + ".id", $"duplicates the id of actions[{firstIndexById[action.Id]}] ('{action.Id}')"));
            }

            RequireText(errors, at + ".kind", action.Kind);
            RequireText(errors, at + ".title", action.Title);
            RequireText(errors, at + ".reasonTemplate", action.ReasonTemplate);
            if (!(double.IsFinite(action.Value) && action.Value > 0))
            {
                errors.Add(new(at + ".value", "must be a number greater than 0"));
            }

            if (!(double.IsFinite(action.Lever) && action.Lever > 0))
            {
                errors.Add(new(at + ".lever", "must be a number greater than 0"));
            }

            if (action.Validity <= TimeSpan.Zero)
            {
                errors.Add(new(at + ".validity", "must be a duration longer than zero"));
            }

            CheckEligibility(errors, at + ".eligibility", action.Eligibility);
        }

        return errors;
    }

    private static void CheckEligibility(List<CatalogValidationError> errors, string at, ActionEligibility? eligibility)
    {
        if (eligibility is null)
        {
            errors.Add(new(at, "must be an object"));
            return;
        }

        foreach (var (key, value) in eligibility.Attributes)
        {
            if (string.IsNullOrWhiteSpace(key) || value is null)
            {
                errors.Add(new(at + ".attributes", "must map non-empty names to strings"));
                break;
            }
        }

        if (eligibility.RequiredConsent is { } consent)
        {
            RequireText(errors, at + ".requiredConsent.channel", consent.Channel);
            if (consent.Purpose is { } purpose && string.IsNullOrWhiteSpace(purpose))
            {
                errors.Add(new(at + ".requiredConsent.purpose", "must be a non-empty string when given"));
            }
        }
    }

    private static void RequireText(List<CatalogValidationError> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, "must be a non-empty string"));
        }
    }
}
