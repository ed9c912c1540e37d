using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerEngine.Campaigns.Conditions;

/// <summary>
/// Compiles a dotted path of JSON names (<c>value.rfm.r</c>, <c>items.category</c>) into steps over
/// the .NET type that is written as that JSON, and walks them over a value. Conditions are tested
/// on every decision, so the objects are read in place (compiled getters, enums read as their API
/// names) instead of being serialized: the values are those the API's JSON shows.
/// </summary>
internal static class ObjectPaths
{
    /// <summary>The steps of <paramref name="path"/> from <paramref name="root"/> and the type of its values, or why there are none.</summary>
    public static (PathStep[]? Steps, Type? ValueType, string? Error) Compile(Type root, string path, string rootName)
    {
        var segments = path.Split('.');
        if (segments.Any(string.IsNullOrWhiteSpace))
        {
            return (null, null, $"'{path}' is not a dotted path");
        }

        var steps = new List<PathStep>();
        var type = root;
        var walked = new List<string>();
        foreach (var segment in segments)
        {
            if (DictionaryValueType(type) is { } valueType)
            {
                steps.Add(new PathStep(PathStepKind.Key, Key: segment));
                type = valueType;
                walked.Add(segment);
                continue;
            }

            if (ElementType(type) is { } elementType)
            {
                steps.Add(new PathStep(PathStepKind.Each));
                type = elementType;
            }

            var property = Properties(type).FirstOrDefault(p => JsonName(p) == segment);
            if (property is null)
            {
                var at = walked.Count == 0 ? rootName : string.Join('.', walked);
                return (null, null, $"'{path}' is not a field of {rootName}: {at} has no '{segment}' (it has {string.Join(", ", Properties(type).Select(JsonName))})");
            }

            type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            steps.Add(new PathStep(PathStepKind.Property, Getter: GetterOf(property), Scalar: ScalarReaderOf(property)));
            walked.Add(segment);
        }

        if (type != typeof(string) && ElementType(type) is { } scalarElement)
        {
            steps.Add(new PathStep(PathStepKind.Each));
            type = Nullable.GetUnderlyingType(scalarElement) ?? scalarElement;
        }

        if (!ScalarValues.IsScalar(type))
        {
            var fields = DictionaryValueType(type) is null ? string.Join(", ", Properties(type).Select(JsonName)) : "any name";
            return (null, null, $"'{path}' names an object, not a value: name one of its fields ({fields})");
        }

        return ([.. steps], type, null);
    }

    // A scalar property read straight into a FieldValue (null when the property is null), so a
    // number or a time is never boxed on the way to its test.
    private static Func<object, FieldValue?>? ScalarReaderOf(PropertyInfo property)
    {
        var type = property.PropertyType;
        var underlying = Nullable.GetUnderlyingType(type);
        var plain = underlying ?? type;
        if (!ScalarValues.IsScalar(plain))
        {
            return null;
        }

        var target = Expression.Parameter(typeof(object), "target");
        var read = Expression.Variable(type, "read");
        Expression value = underlying is null ? read : Expression.Property(read, "Value");
        Expression converted;
        if (plain == typeof(string))
        {
            converted = Expression.Call(typeof(FieldValue).GetMethod(nameof(FieldValue.OfNullableText))!, value);
            return Expression.Lambda<Func<object, FieldValue?>>(
                Expression.Block([read], Expression.Assign(read, Expression.Property(Expression.Convert(target, property.DeclaringType!), property)), converted), target).Compile();
        }

        if (plain.IsEnum)
        {
            // Enums already come out of their getter as API names (strings).
            return null;
        }

        var factory = plain == typeof(bool) ? nameof(FieldValue.OfFlag)
            : plain == typeof(DateTimeOffset) ? nameof(FieldValue.OfTime)
            : plain == typeof(DateTime) ? nameof(FieldValue.OfDateTime)
            : plain == typeof(int) ? nameof(FieldValue.OfInt32)
            : plain == typeof(long) ? nameof(FieldValue.OfInt64)
            : plain == typeof(decimal) ? nameof(FieldValue.OfDecimal)
            : plain == typeof(float) ? nameof(FieldValue.OfSingle)
            : plain == typeof(short) ? nameof(FieldValue.OfInt16)
            : nameof(FieldValue.OfNumber);
        converted = Expression.Convert(Expression.Call(typeof(FieldValue).GetMethod(factory, [plain])!, value), typeof(FieldValue?));
        if (underlying is not null)
        {
            converted = Expression.Condition(Expression.Property(read, "HasValue"), converted, Expression.Constant(null, typeof(FieldValue?)));
        }

        return Expression.Lambda<Func<object, FieldValue?>>(
            Expression.Block([read], Expression.Assign(read, Expression.Property(Expression.Convert(target, property.DeclaringType!), property)), converted), target).Compile();
    }

    /// <summary>Every value reached from <paramref name="value"/> by <paramref name="steps"/>.</summary>
    public static FieldValue[] Collect(object? value, PathStep[] steps)
    {
        if (!GoesThroughList(steps))
        {
            // No list on the way: one value at most, read without a list to collect it in.
            return One(value, steps) is { } one ? [one] : [];
        }

        var values = new List<FieldValue>(2);
        Collect(value, steps, 0, values);
        return values.Count == 0 ? [] : [.. values];
    }

    private static bool GoesThroughList(PathStep[] steps)
    {
        foreach (var step in steps)
        {
            if (step.Kind == PathStepKind.Each)
            {
                return true;
            }
        }

        return false;
    }

    private static FieldValue? One(object? value, PathStep[] steps)
    {
        for (var index = 0; index < steps.Length; index++)
        {
            if (value is null)
            {
                return null;
            }

            var step = steps[index];
            if (step.Kind == PathStepKind.Property && index == steps.Length - 1 && step.Scalar is { } scalar)
            {
                return scalar(value);
            }

            if (step.Kind == PathStepKind.Property)
            {
                value = step.Getter!(value);
            }
            else
            {
                value = value is IReadOnlyDictionary<string, string> map && map.TryGetValue(step.Key!, out var found) ? found : null;
            }
        }

        return value is null ? null : ScalarValues.Of(value);
    }

    private static void Collect(object? value, PathStep[] steps, int index, List<FieldValue> values)
    {
        if (value is null)
        {
            return;
        }

        if (index == steps.Length)
        {
            values.Add(ScalarValues.Of(value));
            return;
        }

        var step = steps[index];
        switch (step.Kind)
        {
            case PathStepKind.Property when index == steps.Length - 1 && step.Scalar is { } scalar:
                if (scalar(value) is { } read)
                {
                    values.Add(read);
                }

                return;
            case PathStepKind.Property:
                Collect(step.Getter!(value), steps, index + 1, values);
                return;
            case PathStepKind.Key:
                if (value is IReadOnlyDictionary<string, string> map && map.TryGetValue(step.Key!, out var found))
                {
                    Collect(found, steps, index + 1, values);
                }

                return;
            default:
                // Lists are indexed rather than enumerated: no enumerator to allocate per value.
                if (value is IList list)
                {
                    for (var i = 0; i < list.Count; i++)
                    {
                        Collect(list[i], steps, index + 1, values);
                    }

                    return;
                }

                foreach (var item in (IEnumerable)value)
                {
                    Collect(item, steps, index + 1, values);
                }

                return;
        }
    }

    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonIgnoreAttribute>() is null);

    private static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    private static Type? DictionaryValueType(Type type)
    {
        var dictionary = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));
        return dictionary?.GetGenericArguments() is [var key, var value] && key == typeof(string) && value == typeof(string) ? value : null;
    }

    private static Type? ElementType(Type type)
    {
        if (type == typeof(string) || DictionaryValueType(type) is not null)
        {
            return null;
        }

        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }

    // A compiled delegate instead of PropertyInfo.GetValue, and an enum read as its API name here,
    // once, so evaluation never boxes or hashes enums.
    private static Func<object, object?> GetterOf(PropertyInfo property)
    {
        var target = Expression.Parameter(typeof(object), "target");
        Expression read = Expression.Property(Expression.Convert(target, property.DeclaringType!), property);
        var type = property.PropertyType;
        var enumType = Nullable.GetUnderlyingType(type) ?? type;
        if (enumType.IsEnum)
        {
            var names = typeof(EnumApiNames<>).MakeGenericType(enumType);
            read = Expression.Call(names.GetMethod(type == enumType ? nameof(EnumApiNames<DayOfWeek>.Of) : nameof(EnumApiNames<DayOfWeek>.OfNullable))!, read);
        }

        return Expression.Lambda<Func<object, object?>>(Expression.Convert(read, typeof(object)), target).Compile();
    }
}
