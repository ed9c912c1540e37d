using System.Text.Json;
using CustomerEngine.Campaigns.Triggers;
using CustomerEngine.Campaigns.Validation;

namespace CustomerEngine.Campaigns.Conditions;

/// <summary>
/// Validates a <see cref="Condition"/> and compiles it, reporting every problem with the JSON path
/// of the part at fault (e.g. <c>audience.all[1].not.field</c>).
/// </summary>
internal static class ConditionCompiler
{
    private const int MaxDepth = 16;
    private const int MaxOperands = 1_000;

    public static CompiledCondition<AudienceSubject>? CompileAudience(Condition? condition, string at, List<CampaignValidationError> errors) =>
        Compile<AudienceSubject>(condition, at, errors, 0, AudienceFields.Compile);

    public static CompiledCondition<TriggerSubject>? CompileEvent(Condition? condition, string at, List<CampaignValidationError> errors) =>
        Compile<TriggerSubject>(condition, at, errors, 0, path =>
        {
            var (reader, error) = EventFields.Compile(path);
            return (reader, null, error);
        });

    private static CompiledCondition<T>? Compile<T>(
        Condition? condition, string at, List<CampaignValidationError> errors, int depth, Func<string, (FieldReader<T>? Reader, Type? ValueType, string? Error)> fields)
    {
        if (condition is null)
        {
            errors.Add(new(at, "must be a condition object"));
            return null;
        }

        if (depth > MaxDepth)
        {
            errors.Add(new(at, $"nests more than {MaxDepth} levels deep"));
            return null;
        }

        var forms = (condition.Field is not null ? 1 : 0) + (condition.All is not null ? 1 : 0) + (condition.Any is not null ? 1 : 0) + (condition.Not is not null ? 1 : 0);
        if (forms != 1)
        {
            errors.Add(new(at, forms == 0
                ? "must have one of field, all, any or not"
                : "must have exactly one of field, all, any or not"));
            return null;
        }

        if (condition.Not is { } inner)
        {
            return Compile(inner, at + ".not", errors, depth + 1, fields) is { } part ? new NotCondition<T>(part) : null;
        }

        if ((condition.All ?? condition.Any) is { } list)
        {
            var name = condition.All is not null ? "all" : "any";
            if (list.Count == 0)
            {
                errors.Add(new($"{at}.{name}", "must list at least one condition"));
                return null;
            }

            var parts = new List<CompiledCondition<T>>(list.Count);
            for (var i = 0; i < list.Count; i++)
            {
                if (Compile(list[i], $"{at}.{name}[{i}]", errors, depth + 1, fields) is { } part)
                {
                    parts.Add(part);
                }
            }

            if (parts.Count != list.Count)
            {
                return null;
            }

            return condition.All is not null ? new AllOfCondition<T>([.. parts]) : new AnyOfCondition<T>([.. parts]);
        }

        return CompileField(condition, at, errors, fields);
    }

    private static CompiledCondition<T>? CompileField<T>(
        Condition condition, string at, List<CampaignValidationError> errors, Func<string, (FieldReader<T>? Reader, Type? ValueType, string? Error)> fields)
    {
        var errorsBefore = errors.Count;
        var (reader, valueType, pathError) = fields(condition.Field!);
        if (pathError is not null)
        {
            errors.Add(new(at + ".field", pathError));
        }

        var operators = (condition.In is not null ? 1 : 0) + (condition.EqualTo is not null ? 1 : 0) + (condition.Contains is not null ? 1 : 0)
            + (condition.Gte is not null || condition.Lte is not null ? 1 : 0);
        if (operators != 1)
        {
            errors.Add(new(at, operators == 0
                ? "a field test needs one of in, equals, contains, gte or lte"
                : "a field test takes one of in, equals, contains, or gte/lte (together for a range)"));
            return null;
        }

        ValueTest? test = null;
        if (condition.In is { } values)
        {
            if (values.Count is 0 or > MaxOperands)
            {
                errors.Add(new(at + ".in", $"must list 1 to {MaxOperands} values"));
            }
            else
            {
                var operands = new List<Operand>(values.Count);
                for (var i = 0; i < values.Count; i++)
                {
                    if (Literal(values[i], $"{at}.in[{i}]", valueType, errors) is { } operand)
                    {
                        operands.Add(operand);
                    }
                }

                test = new ValueTest(ValueTestKind.In, [.. operands]);
            }
        }
        else if (condition.EqualTo is { } equal)
        {
            test = Literal(equal, at + ".equals", valueType, errors) is { } operand ? new ValueTest(ValueTestKind.EqualTo, [operand]) : null;
        }
        else if (condition.Contains is { } contained)
        {
            test = Literal(contained, at + ".contains", null, errors) is { } operand ? new ValueTest(ValueTestKind.Contains, [operand]) : null;
        }
        else
        {
            var low = condition.Gte is { } gte ? Bound(gte, at + ".gte", errors) : null;
            var high = condition.Lte is { } lte ? Bound(lte, at + ".lte", errors) : null;
            if (low?.Number is { } from && high?.Number is { } to && from > to)
            {
                errors.Add(new(at + ".lte", "must not be below gte"));
            }

            test = new ValueTest(ValueTestKind.Range, [], low, high);
        }

        return errors.Count == errorsBefore && reader is not null && test is not null ? new FieldCondition<T>(reader, test) : null;
    }

    private static Operand? Literal(JsonElement element, string at, Type? valueType, List<CampaignValidationError> errors)
    {
        if (Operand.From(element) is not { } operand)
        {
            errors.Add(new(at, "must be a string, a number or true/false"));
            return null;
        }

        // An enum field only ever holds its API names: a misspelt stage would silently match nobody.
        if (valueType is { IsEnum: true } && operand.Text is { } text)
        {
            var names = ScalarValues.ApiNamesOf(valueType);
            if (!names.Contains(text, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add(new(at, $"'{text}' is not one of: {string.Join(", ", names)}"));
                return null;
            }
        }

        return operand;
    }

    private static Operand? Bound(JsonElement element, string at, List<CampaignValidationError> errors)
    {
        if (Operand.From(element) is { } operand && (operand.Number is not null || operand.Time is not null))
        {
            return operand;
        }

        errors.Add(new(at, "must be a number or an RFC 3339 time"));
        return null;
    }
}
