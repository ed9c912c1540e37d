using CustomerEngine.CrossSell.Candidates;
using CustomerEngine.Engagement.Actions;
using CustomerEngine.Engagement.Candidates;

namespace CustomerEngine.Engagement.Providers;

/// <summary>
/// Proposes the <see cref="ActionKinds.CrossSell"/> actions when the cross-sell model finds something
/// that goes with the basket or the recent purchases (<see cref="CrossSellCandidates.For"/>: never
/// an item already held; a held item with too few baskets of its own falls back to its category's
/// associations). The reasons are the associations with their numbers, e.g. "bought tent, 41% of
/// tent buyers also buy sleeping-mat (lift 6.2)". Placeholders, from the strongest association:
/// <c>{item}</c> (the held SKU), <c>{suggestion}</c> (the suggested SKU, or "something from {category}"),
/// <c>{category}</c> (the suggested item's category).
/// </summary>
/// <param name="options">Cross-sell settings; the defaults when null.</param>
public sealed class CrossSellProvider(BuiltInProviderOptions? options = null) : ICandidateActionProvider
{
    /// <summary>The provider's name.</summary>
    public const string ProviderName = "builtin.crossSell";

    private readonly BuiltInProviderOptions _options = options ?? BuiltInProviderOptions.Default;

    /// <inheritdoc />
    public string Name => ProviderName;

    /// <inheritdoc />
    public IEnumerable<ActionCandidate> Propose(EngagementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.CrossSell is not { } model || (context.Basket.Count == 0 && context.RecentPurchases.Count == 0))
        {
            return [];
        }

        var suggestions = CrossSellCandidates.For(model, context.Basket, context.RecentPurchases, _options.CrossSell);
        if (suggestions.Count == 0)
        {
            return [];
        }

        var strongest = suggestions[0];
        var values = CandidateText.Common(context);
        values["item"] = strongest.AntecedentSku;
        values["suggestion"] = strongest.Sku ?? (strongest.Category is { } category ? "something from " + category : "a companion item");
        values["category"] = strongest.Category ?? "related";
        var details = CandidateText.Details(suggestions, _options.MaxItemReasons, static s => s.Reason);
        return CandidateText.Candidates(context, ActionKinds.CrossSell, values, details, Name);
    }
}
