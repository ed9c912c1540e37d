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
        var strongest = new Dictionary<(SuggestionLevel, string), Pick>();
        foreach (var item in held.Items)
        {
            if (model.ItemBaskets(item.Sku) >= options.MinItemBaskets)
            {
                foreach (var rule in model.Associations(item.Sku, int.MaxValue, thresholds))
                {
                    if (rule.Lift > options.MinLift && !held.Skus.Contains(rule.Consequent))
                    {
                        Keep(strongest, new Pick(rule, item, SuggestionLevel.Sku));
                    }
                }
            }
            else if (item.Category is { } category)
            {
                foreach (var rule in model.CategoryAssociations(category, int.MaxValue, thresholds))
                {
                    if (rule.Lift > options.MinLift && !held.Categories.Contains(rule.Consequent))
                    {
                        Keep(strongest, new Pick(rule, item, SuggestionLevel.Category));
                    }
                }
            }
        }

        // Only the suggestions kept are worded: most rules lose to a stronger one or fall past the limit.
        var ranked = strongest.Values.ToArray();
        Array.Sort(ranked, static (x, y) =>
        {
            var byLift = y.Rule.Lift.CompareTo(x.Rule.Lift);
            if (byLift != 0)
            {
                return byLift;
            }

            var byConfidence = y.Rule.Confidence.CompareTo(x.Rule.Confidence);
            if (byConfidence != 0)
            {
                return byConfidence;
            }

            var byCount = y.Rule.Count.CompareTo(x.Rule.Count);
            if (byCount != 0)
            {
                return byCount;
            }

            var byLevel = x.Level.CompareTo(y.Level);
            return byLevel != 0 ? byLevel : string.CompareOrdinal(x.Rule.Consequent, y.Rule.Consequent);
        });
        var count = Math.Min(ranked.Length, Math.Max(0, options.Limit));
        var suggestions = new CrossSellSuggestion[count];
        for (var i = 0; i < count; i++)
        {
            var (rule, item, level) = ranked[i];
            suggestions[i] = Suggest(rule, level == SuggestionLevel.Sku ? model.CategoryOf(rule.Consequent) : rule.Consequent, item, level);
        }

        return suggestions;
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
    private static void Keep(Dictionary<(SuggestionLevel, string), Pick> strongest, Pick pick)
    {
        var key = (pick.Level, pick.Rule.Consequent);
        if (!strongest.TryGetValue(key, out var kept)
            || pick.Rule.Lift > kept.Rule.Lift
            || (pick.Rule.Lift == kept.Rule.Lift && pick.Rule.Confidence > kept.Rule.Confidence))
        {
            strongest[key] = pick;
        }
    }

    // The rule that suggests a SKU (or, at category level, a category) and the held item it comes from.
    private readonly record struct Pick(AssociationRule Rule, HeldItem Item, SuggestionLevel Level);
}
