using System.Globalization;
using CustomerEngine.Campaigns.Caps;
using CustomerEngine.Campaigns.Conditions;
using CustomerEngine.Campaigns.Definitions;
using CustomerEngine.Campaigns.Scheduling;
using CustomerEngine.Campaigns.Triggers;
using CustomerEngine.Campaigns.Validation;

namespace CustomerEngine.Campaigns.Evaluation;

/// <summary>
/// Validates a campaign definition and compiles it. Every problem is reported with the JSON path
/// of its field, so the API can answer problem+json that points at it.
/// </summary>
public static class CampaignCompiler
{
    /// <summary>The longest name.</summary>
    public const int MaxNameLength = 200;

    /// <summary>The longest description.</summary>
    public const int MaxDescriptionLength = 2_000;

    /// <summary>The longest offer title.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>The longest offer reason.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>The per-customer window when a cap gives none.</summary>
    public const int DefaultWindowDays = 30;

    private static readonly Dictionary<string, DayOfWeek> DayNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["monday"] = DayOfWeek.Monday, ["mon"] = DayOfWeek.Monday,
        ["tuesday"] = DayOfWeek.Tuesday, ["tue"] = DayOfWeek.Tuesday,
        ["wednesday"] = DayOfWeek.Wednesday, ["wed"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["thu"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday, ["fri"] = DayOfWeek.Friday,
        ["saturday"] = DayOfWeek.Saturday, ["sat"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday, ["sun"] = DayOfWeek.Sunday,
    };

    /// <summary>Validates and compiles <paramref name="definition"/> as campaign <paramref name="id"/>.</summary>
    public static CampaignCompilation Compile(string id, CampaignDefinition? definition, CampaignCompileOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        options ??= CampaignCompileOptions.Default;
        var errors = new List<CampaignValidationError>();
        if (definition is null)
        {
            errors.Add(new("body", "must be a campaign object"));
            return new CampaignCompilation(null, errors);
        }

        RequireText(errors, "name", definition.Name, MaxNameLength);
        if (definition.Description is { Length: > MaxDescriptionLength })
        {
            errors.Add(new("description", $"must be at most {MaxDescriptionLength} characters"));
        }

        CheckOffer(errors, definition.Offer, options);
        var audience = definition.Audience is null ? null : ConditionCompiler.CompileAudience(definition.Audience, "audience", errors);
        var (triggerType, where) = CheckTrigger(errors, definition.Trigger);
        var schedule = CheckSchedule(errors, definition.Schedule);
        var cap = CheckCaps(errors, definition.Caps);
        if (definition.HoldoutPercent is { } holdout && !(double.IsFinite(holdout) && holdout >= 0 && holdout < 100))
        {
            errors.Add(new("holdoutPercent", "must be a number from 0 up to (not including) 100"));
        }

        if (definition.Lever is { } lever && !(double.IsFinite(lever) && lever > 0))
        {
            errors.Add(new("lever", "must be a number greater than 0"));
        }

        return errors.Count > 0
            ? new CampaignCompilation(null, errors)
            : new CampaignCompilation(new CompiledCampaign(id, definition, audience, triggerType, where, schedule!, cap!, options.LifecycleWindow), errors);
    }

    /// <summary>Validates and compiles only an audience condition (for estimates of its size).</summary>
    public static (Func<Conditions.AudienceSubject, bool>? Matches, IReadOnlyList<CampaignValidationError> Errors) CompileAudience(Condition? audience)
    {
        var errors = new List<CampaignValidationError>();
        if (audience is null)
        {
            return (_ => true, errors);
        }

        var compiled = ConditionCompiler.CompileAudience(audience, "audience", errors);
        return (compiled is null ? null : compiled.Matches, errors);
    }

    private static void CheckOffer(List<CampaignValidationError> errors, CampaignOffer? offer, CampaignCompileOptions options)
    {
        if (offer is null)
        {
            errors.Add(new("offer", "is required: an inline offer (title, reason, value) or an actionId from the catalog"));
            return;
        }

        if (offer.ActionId is { } actionId)
        {
            if (string.IsNullOrWhiteSpace(actionId) || actionId.Length > 128)
            {
                errors.Add(new("offer.actionId", "must be 1–128 characters, or null for an inline offer"));
            }
            else if (options.ActionExists is { } exists && !exists(actionId))
            {
                errors.Add(new("offer.actionId", $"'{actionId}' is not an action of the catalog"));
            }

            OptionalText(errors, "offer.title", offer.Title, MaxTitleLength);
            OptionalText(errors, "offer.reason", offer.Reason, MaxReasonLength);
        }
        else
        {
            RequireText(errors, "offer.title", offer.Title, MaxTitleLength);
            RequireText(errors, "offer.reason", offer.Reason, MaxReasonLength);
            if (offer.Value is null)
            {
                errors.Add(new("offer.value", "is required for an inline offer: a number greater than 0"));
            }
        }

        if (offer.Value is { } value && !(double.IsFinite(value) && value > 0))
        {
            errors.Add(new("offer.value", "must be a number greater than 0"));
        }

        if (offer.RequiredConsent is { } consent)
        {
            RequireText(errors, "offer.requiredConsent.channel", consent.Channel, 64);
            if (consent.Purpose is { } purpose && string.IsNullOrWhiteSpace(purpose))
            {
                errors.Add(new("offer.requiredConsent.purpose", "must be a non-empty string, or null for the whole channel"));
            }
        }
    }

    private static (string? Type, CompiledCondition<TriggerSubject>? Where) CheckTrigger(List<CampaignValidationError> errors, CampaignTrigger? trigger)
    {
        if (trigger is null)
        {
            errors.Add(new("trigger", "is required: { eventType, where? } or { whileInAudience: true }"));
            return (null, null);
        }

        var standing = trigger.WhileInAudience == true;
        if (standing && (trigger.EventType is not null || trigger.Where is not null))
        {
            errors.Add(new("trigger.whileInAudience", "a standing offer takes no eventType or where"));
            return (null, null);
        }

        if (standing)
        {
            return (null, null);
        }

        if (trigger.EventType is not { } type)
        {
            errors.Add(new("trigger.eventType", "is required unless whileInAudience is true"));
            return (null, null);
        }

        if (!CampaignTriggerTypes.Supported.Contains(type, StringComparer.Ordinal))
        {
            errors.Add(new("trigger.eventType", $"'{type}' cannot trigger a campaign; use one of: {string.Join(", ", CampaignTriggerTypes.Supported)}"));
            return (null, null);
        }

        var where = trigger.Where is null ? null : ConditionCompiler.CompileEvent(trigger.Where, "trigger.where", errors);
        return (type, where);
    }

    private static ScheduleWindow? CheckSchedule(List<CampaignValidationError> errors, CampaignSchedule? schedule)
    {
        if (schedule is null)
        {
            return ScheduleWindow.Always;
        }

        var before = errors.Count;
        if (schedule is { Start: { } start, End: { } end } && end <= start)
        {
            errors.Add(new("schedule.end", "must be after schedule.start"));
        }

        var zone = TimeZoneInfo.Utc;
        if (schedule.TimeZone is { } name && !TryZone(name, out zone))
        {
            errors.Add(new("schedule.timeZone", $"'{name}' is not a known time zone; use an IANA name such as Europe/Paris, or UTC"));
        }

        HashSet<DayOfWeek>? days = null;
        if (schedule.Days is { } dayNames)
        {
            days = [];
            if (dayNames.Count == 0)
            {
                errors.Add(new("schedule.days", "must list at least one day, or be null for every day"));
            }

            for (var i = 0; i < dayNames.Count; i++)
            {
                if (dayNames[i] is { } day && DayNames.TryGetValue(day, out var dayOfWeek))
                {
                    days.Add(dayOfWeek);
                }
                else
                {
                    errors.Add(new($"schedule.days[{i}]", $"'{dayNames[i]}' is not a day: monday … sunday, or mon … sun"));
                }
            }
        }

        int? from = null, to = null;
        if (schedule.Hours is { } hours)
        {
            if (hours.From is not ({ } f and >= 0 and <= 23))
            {
                errors.Add(new("schedule.hours.from", "must be an hour from 0 to 23"));
            }
            else
            {
                from = f;
            }

            if (hours.To is not ({ } t and >= 1 and <= 24))
            {
                errors.Add(new("schedule.hours.to", "must be an hour from 1 to 24"));
            }
            else
            {
                to = t;
            }

            if (from is not null && from == to % 24)
            {
                errors.Add(new("schedule.hours.to", "must differ from schedule.hours.from (null hours mean all day)"));
            }
        }

        return errors.Count > before ? null : new ScheduleWindow(schedule.Start, schedule.End, zone, days, from, to);
    }

    private static CustomerCap? CheckCaps(List<CampaignValidationError> errors, CampaignCaps? caps)
    {
        if (caps is null)
        {
            return CustomerCap.None;
        }

        var before = errors.Count;
        if (caps.PerCustomer is < 1)
        {
            errors.Add(new("caps.perCustomer", "must be at least 1, or null for no limit"));
        }

        if (caps.PerCustomerWindowDays is < 1 or > 3_650)
        {
            errors.Add(new("caps.perCustomerWindowDays", "must be 1 to 3650 days"));
        }

        if (caps.TotalPresentations is < 1)
        {
            errors.Add(new("caps.totalPresentations", "must be at least 1, or null for no budget"));
        }

        return errors.Count > before ? null : new CustomerCap(caps.PerCustomer, TimeSpan.FromDays(caps.PerCustomerWindowDays ?? DefaultWindowDays));
    }

    private static bool TryZone(string name, out TimeZoneInfo zone)
    {
        if (string.Equals(name, "UTC", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "Z", StringComparison.Ordinal))
        {
            zone = TimeZoneInfo.Utc;
            return true;
        }

        if (!string.IsNullOrWhiteSpace(name) && TimeZoneInfo.TryFindSystemTimeZoneById(name, out var found))
        {
            zone = found;
            return true;
        }

        zone = TimeZoneInfo.Utc;
        return false;
    }

    private static void RequireText(List<CampaignValidationError> errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, "is required: a non-empty string"));
        }
        else if (value.Length > maxLength)
        {
            errors.Add(new(field, string.Create(CultureInfo.InvariantCulture, $"must be at most {maxLength} characters")));
        }
    }

    private static void OptionalText(List<CampaignValidationError> errors, string field, string? value, int maxLength)
    {
        if (value is not null)
        {
            RequireText(errors, field, value, maxLength);
        }
    }
}
