using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Serialization;

namespace CustomerEngine.Grains.Customers;

/// <summary>
/// The name an enumerated value has in the API and the index (e.g. <c>atRisk</c>), read from the
/// domain's own <see cref="JsonStringEnumMemberNameAttribute"/> so there is one source of truth.
/// </summary>
public static class ApiName
{
    /// <summary>The API name of <paramref name="value"/>.</summary>
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => Names<TEnum>.ByValue[value];

    /// <summary>The API name of <paramref name="value"/>, or null.</summary>
    public static string? OfNullable<TEnum>(TEnum? value) where TEnum : struct, Enum => value is { } v ? Of(v) : null;

    /// <summary>The value whose API name is <paramref name="name"/>; null for null or a name it does not have.</summary>
    public static TEnum? ValueOf<TEnum>(string? name) where TEnum : struct, Enum =>
        name is not null && Names<TEnum>.ByName.TryGetValue(name, out var value) ? value : null;

    /// <summary>Every API name of <typeparamref name="TEnum"/>, in declaration order.</summary>
    public static IReadOnlyList<string> All<TEnum>() where TEnum : struct, Enum => Names<TEnum>.InOrder;

    // Built once per enum type: index rows are projected on every applied batch.
    private static class Names<TEnum> where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> ByValue = Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, NameOf);

        public static readonly FrozenDictionary<string, TEnum> ByName = ByValue.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

        public static readonly string[] InOrder = [.. Enum.GetValues<TEnum>().Select(v => ByValue[v])];

        private static string NameOf(TEnum value) =>
            typeof(TEnum).GetField(value.ToString())!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
            ?? throw new InvalidOperationException($"{typeof(TEnum).Name}.{value} has no API name ([JsonStringEnumMemberName]).");
    }
}
