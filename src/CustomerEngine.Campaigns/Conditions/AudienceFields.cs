using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerEngine.Domain.Views;

namespace CustomerEngine.Campaigns.Conditions;

/// <summary>
/// Compiles dotted paths into the customer 360 view as the API writes it (<c>lifecycle.stage</c>,
/// <c>value.rfm.r</c>, <c>segments.priceSensitivity</c>, <c>attributes.segment</c>,
/// <c>satisfaction.npsCategory</c>, <c>homeStoreId</c>…), plus <c>currentStoreId</c> and
/// <c>lastStoreId</c>. A path is checked against the view's type when the campaign is compiled, so
/// a typo is an error naming the field rather than an audience of nobody. Lists are looked into
/// (<c>recent.type</c> is every recent interaction's type); a condition holds when any value matches.
/// </summary>
internal static class AudienceFields
{
    public const string CurrentStoreId = "currentStoreId";
    public const string LastStoreId = "lastStoreId";

    /// <summary>A reader for <paramref name="path"/> and the type of its values, or an error message.</summary>
    public static (FieldReader<AudienceSubject>? Reader, Type? ValueType, string? Error) Compile(string path)
    {
        var segments = path.Split('.');
        if (segments.Any(string.IsNullOrWhiteSpace))
        {
            return (null, null, $"'{path}' is not a dotted path such as lifecycle.stage");
        }

        if (segments.Length == 1 && segments[0] == CurrentStoreId)
        {
            return (new ViewFieldReader(s => s.CurrentStoreId, []), typeof(string), null);
        }

        if (segments.Length == 1 && segments[0] == LastStoreId)
        {
            return (new ViewFieldReader(s => s.LastStoreId, []), typeof(string), null);
        }

        var steps = new List<PathStep>();
        var type = typeof(Customer360);
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
                var at = walked.Count == 0 ? "the customer view" : string.Join('.', walked);
                return (null, null, $"'{path}' is not a field of the customer view: {at} has no '{segment}' (it has {string.Join(", ", Properties(type).Select(JsonName))})");
            }

            steps.Add(new PathStep(PathStepKind.Property, Getter: GetterOf(property)));
            type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            walked.Add(segment);
        }

        if (type != typeof(string) && ElementType(type) is { } scalarElement)
        {
            steps.Add(new PathStep(PathStepKind.Each));
            type = Nullable.GetUnderlyingType(scalarElement) ?? scalarElement;
        }

        if (!ScalarValues.IsScalar(type))
        {
            var fields = DictionaryValueType(type) is null ? string.Join(", ", Properties(type).Select(JsonName)) : "any attribute name";
            return (null, null, $"'{path}' names an object, not a value: name one of its fields ({fields})");
        }

        return (new ViewFieldReader(s => s.View, [.. steps]), type, null);
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
        return dictionary?.GetGenericArguments() is [var key, var value] && key == typeof(string) ? value : null;
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

    // A compiled delegate instead of PropertyInfo.GetValue: audiences are evaluated on every
    // arbitration, and reflection would cost more than the rest of the evaluation together.
    private static Func<object, object?> GetterOf(PropertyInfo property)
    {
        var target = Expression.Parameter(typeof(object), "target");
        var read = Expression.Property(Expression.Convert(target, property.DeclaringType!), property);
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(read, typeof(object)), target).Compile();
    }

    private sealed class ViewFieldReader(Func<AudienceSubject, object?> root, PathStep[] steps) : FieldReader<AudienceSubject>
    {
        public override bool Any(AudienceSubject subject, ValueTest test) => Walk(root(subject), 0, test);

        private bool Walk(object? value, int index, ValueTest test)
        {
            if (value is null)
            {
                return false;
            }

            if (index == steps.Length)
            {
                return test.Matches(ScalarValues.Of(value));
            }

            var step = steps[index];
            switch (step.Kind)
            {
                case PathStepKind.Property:
                    return Walk(step.Getter!(value), index + 1, test);
                case PathStepKind.Key:
                    return value is IReadOnlyDictionary<string, string> attributes && attributes.TryGetValue(step.Key!, out var found) && Walk(found, index + 1, test);
                default:
                    foreach (var item in (IEnumerable)value)
                    {
                        if (Walk(item, index + 1, test))
                        {
                            return true;
                        }
                    }

                    return false;
            }
        }
    }
}
