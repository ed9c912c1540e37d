using System.Text.Json;

namespace CustomerEngine.Campaigns.Conditions;

/// <summary>
/// The API names of one enum's values, looked up without boxing: audiences test enum fields
/// (stage, tier, segments) on every decision, and boxed enums hash and compare slowly.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
internal static class EnumApiNames<TEnum> where TEnum : struct, Enum
{
    private static readonly Dictionary<TEnum, string> Names =
        Enum.GetValues<TEnum>().Distinct().ToDictionary(v => v, v => JsonSerializer.Serialize(v).Trim('"'));

    public static string? Of(TEnum value) => Names.GetValueOrDefault(value);

    public static string? OfNullable(TEnum? value) => value is { } v ? Names.GetValueOrDefault(v) : null;
}
