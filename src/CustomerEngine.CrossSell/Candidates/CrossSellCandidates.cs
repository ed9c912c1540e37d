using CustomerEngine.CrossSell.Baskets;
using CustomerEngine.CrossSell.Model;
using CustomerEngine.CrossSell.Rules;

namespace CustomerEngine.CrossSell.Candidates;

/// <summary>Cross-sell suggestions for one customer from the engine-wide model.</summary>
public static class CrossSellCandidates
{
    /// <summary>
    /// Suggests what to offer a customer with <paramref name="basket"/> in hand and
    /// <paramref name="recentPurchases"/> behind them. Each held SKU with at least
    /// <see cref="CrossSellOptions.MinItemBaskets"/> baskets contributes its rules {sku} → {other};
    /// one with fewer contributes its category's rules {category} → {other category} instead.
    /// Held SKUs are never suggested, nor (at category level) held categories. A SKU or category
    /// reached from several held items keeps its strongest rule. Ranked by lift, then confidence,
    /// then count, SKUs before categories, then name; at most <see cref="CrossSellOptions.Limit"/>.
    /// </summary>
    public static IReadOnlyList<CrossSellSuggestion> For(
        CrossSellModel model,
        IReadOnlyCollection<BasketLine> basket,
        IReadOnlyCollection<BasketLine> recentPurchases,
        CrossSellOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(basket);
        ArgumentNullException.ThrowIfNull(recentPurchases);
        ArgumentNullException.ThrowIfNull(options);

        var held = HeldItems.From(model, basket, recentPurchases);
        var thresholds = options.Thresholds ?? model.Options.Thresholds;
        var strongest = new Dictionary<(SuggestionLevel, string), CrossSellSuggestion>();
        foreach (var item in held.Items)
        {
            if (model.ItemBaskets(item.Sku) >= options.MinItemBaskets)
            {
                foreach (var rule in model.Associations(item.Sku, int.MaxValue, thresholds))
                {
                    if (rule.Lift > options.MinLift && !held.Skus.Contains(rule.Consequent))
                    {
                        Keep(strongest, Suggest(rule, model.CategoryOf(rule.Consequent), item, SuggestionLevel.Sku));
                    }
                }
            }
            else if (item.Category is { } category)
            {
                foreach (var rule in model.CategoryAssociations(category, int.MaxValue, thresholds))
                {
                    if (rule.Lift > options.MinLift && !held.Categories.Contains(rule.Consequent))
                    {
                        Keep(strongest, Suggest(rule, rule.Consequent, item, SuggestionLevel.Category));
                    }
                }
            }
        }

        return strongest.Values
            .OrderByDescending(suggestion => suggestion.Lift)
            .ThenByDescending(suggestion => suggestion.Confidence)
            .ThenByDescending(suggestion => suggestion.Count)
            .ThenBy(suggestion => suggestion.Level)
            .ThenBy(suggestion => suggestion.Sku ?? suggestion.Category, StringComparer.Ordinal)
            .Take(options.Limit)
            .ToList();
    }

    private static CrossSellSuggestion Suggest(AssociationRule rule, string? category, HeldItem item, SuggestionLevel level) => new(
        level == SuggestionLevel.Sku ? rule.Consequent : null,
        category,
        item.Sku,
        rule.Support,
        rule.Confidence,
        rule.Lift,
        rule.Count,
        level == SuggestionLevel.Sku ? SuggestionReason.ForItem(item, rule) : SuggestionReason.ForCategory(item, rule),
        level);

    // Held items are visited basket first, so on a tie the basket item's reason is the one shown.
    private static void Keep(Dictionary<(SuggestionLevel, string), CrossSellSuggestion> strongest, CrossSellSuggestion suggestion)
    {
        var key = (suggestion.Level, suggestion.Sku ?? suggestion.Category!);
        if (!strongest.TryGetValue(key, out var kept)
            || suggestion.Lift > kept.Lift
            || (suggestion.Lift == kept.Lift && suggestion.Confidence > kept.Confidence))
        {
            strongest[key] = suggestion;
        }
    }
}
