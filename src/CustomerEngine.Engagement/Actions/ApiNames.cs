using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Serialization;

namespace CustomerEngine.Engagement.Actions;

/// <summary>
/// The API names of an enum's values, as its <see cref="JsonStringEnumMemberNameAttribute"/>s give
/// them, so catalog JSON reads and writes the same names as the rest of the API.
/// </summary>
/// <typeparam name="TEnum">An enum whose values carry API names.</typeparam>
internal static class ApiNames<TEnum>
    where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<TEnum, string> NameByValue = Enum.GetValues<TEnum>()
        .ToFrozenDictionary(value => value, NameOf);

    private static readonly FrozenDictionary<string, TEnum> ValueByName = NameByValue
        .ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    /// <summary>Every API name, in declaration order, for error messages.</summary>
    public static string List { get; } = string.Join(", ", Enum.GetValues<TEnum>().Select(value => NameByValue[value]));

    public static string Of(TEnum value) => NameByValue[value];

    public static bool TryParse(string name, out TEnum value) => ValueByName.TryGetValue(name, out value);

    private static string NameOf(TEnum value)
    {
        var name = value.ToString();
        return typeof(TEnum).GetField(name)?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
            ?? char.ToLowerInvariant(name[0]) + name[1..];
    }
}
