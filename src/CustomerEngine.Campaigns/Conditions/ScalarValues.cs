using System.Collections.Concurrent;
using System.Text.Json;

namespace CustomerEngine.Campaigns.Conditions;

/// <summary>Turns the scalars of the 360 view into <see cref="FieldValue"/>s, enums by their API names.</summary>
internal static class ScalarValues
{
    private static readonly ConcurrentDictionary<Enum, string> ApiNames = new();

    /// <summary>Whether values of <paramref name="type"/> are scalars a condition can test.</summary>
    public static bool IsScalar(Type type) =>
        type == typeof(string) || type.IsEnum || type == typeof(bool) || type == typeof(DateTimeOffset) || type == typeof(DateTime)
        || type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(decimal) || type == typeof(float) || type == typeof(short);

    public static FieldValue Of(object value) => value switch
    {
        string text => FieldValue.OfText(text),
        Enum e => FieldValue.OfText(ApiName(e)),
        bool flag => FieldValue.OfFlag(flag),
        DateTimeOffset time => FieldValue.OfTime(time),
        DateTime time => FieldValue.OfTime(new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc))),
        int number => FieldValue.OfNumber(number),
        long number => FieldValue.OfNumber(number),
        double number => FieldValue.OfNumber(number),
        decimal number => FieldValue.OfNumber((double)number),
        float number => FieldValue.OfNumber(number),
        short number => FieldValue.OfNumber(number),
        _ => FieldValue.OfText(value.ToString() ?? string.Empty),
    };

    /// <summary>The name an enum value has in the API's JSON (e.g. <c>atRisk</c>).</summary>
    public static string ApiName(Enum value) =>
        ApiNames.GetOrAdd(value, static v => JsonSerializer.Serialize(v, v.GetType()).Trim('"'));

    /// <summary>Every API name of <paramref name="enumType"/>.</summary>
    public static IReadOnlyList<string> ApiNamesOf(Type enumType) =>
        [.. Enum.GetValues(enumType).Cast<Enum>().Select(ApiName)];
}
