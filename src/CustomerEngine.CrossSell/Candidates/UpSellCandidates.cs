using CustomerEngine.CrossSell.Baskets;
using CustomerEngine.CrossSell.Model;
using CustomerEngine.CrossSell.Pricing;

namespace CustomerEngine.CrossSell.Candidates;

/// <summary>Up-sell suggestions for one customer: dearer items of the categories they already buy.</summary>
public static class UpSellCandidates
{
    /// <summary>
    /// For each held item (basket first, then recent purchases) that is priced and in a category
    /// with at least <see cref="UpSellOptions.MinCategorySkus"/> priced SKUs, suggests SKUs of a
    /// higher price tier of that category (see <see cref="CrossSellModel.PriceTiers"/>): the
    /// nearest tier up first (a step up, not a leap), then the SKU in the most baskets, then the
    /// cheaper, then by SKU. Held SKUs are never suggested and no SKU is suggested twice.
    /// </summary>
    public static IReadOnlyList<UpSellSuggestion> For(
        CrossSellModel model,
        IReadOnlyCollection<BasketLine> basket,
        IReadOnlyCollection<BasketLine> recentPurchases,
        UpSellOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(basket);
        ArgumentNullException.ThrowIfNull(recentPurchases);
        ArgumentNullException.ThrowIfNull(options);

        var held = HeldItems.From(model, basket, recentPurchases);
        var rankings = new Dictionary<string, CategoryRanking>(StringComparer.Ordinal);
        var suggested = new HashSet<string>(StringComparer.Ordinal);
        var suggestions = new List<UpSellSuggestion>();
        var best = new Step[options.PerItem];
        foreach (var item in held.Items)
        {
            // Items are taken in order and only the first suggestions are kept, so once there are
            // enough the rest could only be worded and dropped.
            if (suggestions.Count >= options.Limit)
            {
                break;
            }

            if (item.Category is not { } category)
            {
                continue;
            }

            if (!rankings.TryGetValue(category, out var ranked))
            {
                ranked = model.RankedSkus(category);
                rankings[category] = ranked;
            }

            var ranking = ranked.Skus;
            var fromIndex = ranked.PlaceOf(item.Sku);
            if (ranking.Length < options.MinCategorySkus || fromIndex < 0)
            {
                continue;
            }

            // The best few steps by one pass, not a sort of every dearer SKU: this runs in most
            // decisions and a category has hundreds of SKUs. The ranking is cheapest first and its
            // tiers only rise, so the pass starts at the next tier up and stops past the tier of the
            // worst step kept. Each basket count is read once, so comparisons see fixed keys while
            // learners go on counting; the held and suggested sets are asked only about a step that
            // would be kept.
            var from = ranking[fromIndex];
            var kept = 0;
            for (var i = Math.Max(fromIndex + 1, ranked.StartAbove(from.Tier)); i < ranking.Length && best.Length > 0; i++)
            {
                var to = ranking[i];
                if (kept == best.Length && to.Tier > best[kept - 1].Ranked.Tier)
                {
                    break;
                }

                var step = new Step(to, to.Baskets);
                if (to.MeanPrice <= from.MeanPrice || (kept == best.Length && StepOrder(step, best[kept - 1]) >= 0))
                {
                    continue;
                }

                if (!held.Skus.Contains(to.Sku) && !suggested.Contains(to.Sku))
                {
                    kept = Keep(best, kept, step);
                }
            }

            if (kept == 0)
            {
                continue;
            }

            var fromTier = from.ToPriceTier();
            for (var i = 0; i < kept; i++)
            {
                var to = best[i].Ranked.ToPriceTier(best[i].Baskets);
                suggested.Add(to.Sku);
                suggestions.Add(new UpSellSuggestion(
                    to.Sku, category, item.Sku, to.Tier, to.MeanPrice, fromTier.Tier, fromTier.MeanPrice, to.Baskets, SuggestionReason.ForUpSell(item, category, fromTier, to)));
            }
        }

        if (suggestions.Count > options.Limit)
        {
            suggestions.RemoveRange(options.Limit, suggestions.Count - options.Limit);
        }

        return suggestions;
    }

    // The nearest tier up first, then the SKU in the most baskets, then the cheaper, then by SKU.
    private static int StepOrder(Step x, Step y)
    {
        // Compared as numbers: Enum.CompareTo takes an object and would box both tiers.
        var order = ((int)x.Ranked.Tier).CompareTo((int)y.Ranked.Tier);
        if (order == 0)
        {
            order = y.Baskets.CompareTo(x.Baskets);
        }

        if (order == 0)
        {
            order = x.Ranked.MeanPrice.CompareTo(y.Ranked.MeanPrice);
        }

        return order != 0 ? order : string.CompareOrdinal(x.Ranked.Sku, y.Ranked.Sku);
    }

    // Inserts the step among the best kept so far, in order, dropping the worst when all are taken.
    private static int Keep(Step[] best, int kept, Step step)
    {
        var at = kept;
        while (at > 0 && StepOrder(step, best[at - 1]) < 0)
        {
            at--;
        }

        if (at == best.Length)
        {
            return kept;
        }

        var last = Math.Min(kept, best.Length - 1);
        Array.Copy(best, at, best, at + 1, last - at);
        best[at] = step;
        return Math.Min(kept + 1, best.Length);
    }

    private readonly record struct Step(RankedSku Ranked, long Baskets);
}
