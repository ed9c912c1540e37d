using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using CustomerEngine.Domain.Events;
using CustomerEngine.Domain.Lifecycle;
using CustomerEngine.Domain.Segments;
using CustomerEngine.Domain.Value;
using CustomerEngine.Domain.Views;

namespace CustomerEngine.Engagement.Actions;

/// <summary>
/// Which customers an action may be offered to. Every list is a set of allowed values; an empty list
/// allows any value, including an unknown one (a customer with no tier yet passes an empty
/// <see cref="Tiers"/> but not a non-empty one). All criteria must hold.
/// </summary>
public sealed record ActionEligibility
{
    /// <summary>No restriction: every customer is eligible.</summary>
    public static ActionEligibility Any { get; } = new();

    /// <summary>The lifecycle stages allowed.</summary>
    public IReadOnlyList<LifecycleStage> Stages { get; init; } = [];

    /// <summary>The value tiers allowed.</summary>
    public IReadOnlyList<ValueTier> Tiers { get; init; } = [];

    /// <summary>The price-sensitivity segments allowed.</summary>
    public IReadOnlyList<PriceSensitivity> PriceSensitivities { get; init; } = [];

    /// <summary>The brand-loyalty segments allowed.</summary>
    public IReadOnlyList<BrandLoyalty> BrandLoyalties { get; init; } = [];

    /// <summary>The channel-preference segments allowed.</summary>
    public IReadOnlyList<ChannelPreference> ChannelPreferences { get; init; } = [];

    /// <summary>The customer kinds allowed (consumer or organisation).</summary>
    public IReadOnlyList<CustomerKind> CustomerKinds { get; init; } = [];

    /// <summary>
    /// Custom attributes the customer must carry with exactly these values (e.g. <c>segment</c> =
    /// <c>entrepreneur</c>), so plug-in segments can target actions.
    /// </summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    /// <summary>The consent the customer must have granted, or null when none is needed.</summary>
    public ConsentRequirement? RequiredConsent { get; init; }

    /// <summary>True when no criterion is set.</summary>
    [JsonIgnore]
    public bool IsAny =>
        Stages.Count == 0 && Tiers.Count == 0 && PriceSensitivities.Count == 0 && BrandLoyalties.Count == 0
        && ChannelPreferences.Count == 0 && CustomerKinds.Count == 0 && Attributes.Count == 0 && RequiredConsent is null;

    /// <summary>
    /// Why <paramref name="customer"/> is not eligible (e.g. "stage active is not one of: atRisk,
    /// churned"), or null when every criterion but consent holds. Consent needs the customer's
    /// consent records and is checked by <c>ConsentRules.IsGranted</c>.
    /// </summary>
    public string? WhyExcluded(Customer360 customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return Excludes("stage", Stages, customer.Lifecycle.Stage)
            ?? Excludes("tier", Tiers, customer.Value.Tier)
            ?? Excludes("price sensitivity", PriceSensitivities, customer.Segments.PriceSensitivity)
            ?? Excludes("brand loyalty", BrandLoyalties, customer.Segments.Loyalty)
            ?? Excludes("channel preference", ChannelPreferences, customer.Segments.Channel)
            ?? Excludes("customer kind", CustomerKinds, customer.Kind)
            ?? MissingAttribute(customer.Attributes);
    }

    /// <inheritdoc />
    // Compared by content so that a catalog read back from JSON equals the one written.
    public bool Equals(ActionEligibility? other) =>
        other is not null
        && Stages.SequenceEqual(other.Stages)
        && Tiers.SequenceEqual(other.Tiers)
        && PriceSensitivities.SequenceEqual(other.PriceSensitivities)
        && BrandLoyalties.SequenceEqual(other.BrandLoyalties)
        && ChannelPreferences.SequenceEqual(other.ChannelPreferences)
        && CustomerKinds.SequenceEqual(other.CustomerKinds)
        && Attributes.Count == other.Attributes.Count
        && Attributes.All(a => other.Attributes.TryGetValue(a.Key, out var value) && value == a.Value)
        && RequiredConsent == other.RequiredConsent;

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(Stages.Count, Tiers.Count, PriceSensitivities.Count, BrandLoyalties.Count, ChannelPreferences.Count, CustomerKinds.Count, Attributes.Count, RequiredConsent);

    private static string? Excludes<TEnum>(string criterion, IReadOnlyList<TEnum> allowed, TEnum? actual)
        where TEnum : struct, Enum
    {
        if (allowed.Count == 0 || (actual is { } value && allowed.Contains(value)))
        {
            return null;
        }

        // Every decision asks, and the words depend only on the allowed list and the customer's
        // value: they are made once per list (a catalog's, read as fixed).
        return (ExclusionTexts<TEnum>.ByList.TryGetValue(allowed, out var texts) ? texts : ExclusionTexts<TEnum>.For(criterion, allowed)).Of(actual);
    }

    private string? MissingAttribute(IReadOnlyDictionary<string, string> attributes)
    {
        foreach (var (key, value) in Attributes)
        {
            if (!attributes.TryGetValue(key, out var actual) || !string.Equals(actual, value, StringComparison.Ordinal))
            {
                return $"attribute {key} is not {value}";
            }
        }

        return null;
    }

    private sealed class ExclusionTexts<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly ConditionalWeakTable<IReadOnlyList<TEnum>, ExclusionTexts<TEnum>> ByList = new();

        private readonly string _unknown;
        private readonly FrozenDictionary<TEnum, string> _byValue;

        private ExclusionTexts(string criterion, IReadOnlyList<TEnum> allowed)
        {
            var wanted = string.Join(", ", allowed.Select(ApiNames<TEnum>.Of));
            _unknown = $"{criterion} is not known yet (needs one of: {wanted})";
            _byValue = Enum.GetValues<TEnum>().ToFrozenDictionary(value => value, value => $"{criterion} {ApiNames<TEnum>.Of(value)} is not one of: {wanted}");
        }

        // Apart from the lookup, so the lambda's capture is made only when a list is first seen.
        public static ExclusionTexts<TEnum> For(string criterion, IReadOnlyList<TEnum> allowed) =>
            ByList.GetValue(allowed, list => new ExclusionTexts<TEnum>(criterion, list));

        public string Of(TEnum? actual) => actual is { } known ? _byValue[known] : _unknown;
    }
}
