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
        var tiersByCategory = new Dictionary<string, IReadOnlyList<SkuPriceTier>>(StringComparer.Ordinal);
        var suggested = new HashSet<string>(StringComparer.Ordinal);
        var suggestions = new List<UpSellSuggestion>();
        var steps = new List<SkuPriceTier>();
        foreach (var item in held.Items)
        {
            if (item.Category is not { } category)
            {
                continue;
            }

            if (!tiersByCategory.TryGetValue(category, out var tiers))
            {
                tiers = model.PriceTiers(category);
                tiersByCategory[category] = tiers;
            }

            var from = Find(tiers, item.Sku);
            if (tiers.Count < options.MinCategorySkus || from is null)
            {
                continue;
            }

            // A loop and one sort rather than a LINQ ordering: this runs in most decisions.
            steps.Clear();
            foreach (var to in tiers)
            {
                if (to.Tier > from.Tier && to.MeanPrice > from.MeanPrice && !held.Skus.Contains(to.Sku) && !suggested.Contains(to.Sku))
                {
                    steps.Add(to);
                }
            }

            steps.Sort(StepOrder);
            for (var i = 0; i < Math.Min(steps.Count, options.PerItem); i++)
            {
                var to = steps[i];
                suggested.Add(to.Sku);
                suggestions.Add(new UpSellSuggestion(
                    to.Sku, category, item.Sku, to.Tier, to.MeanPrice, from.Tier, from.MeanPrice, to.Baskets, SuggestionReason.ForUpSell(item, category, from, to)));
            }
        }

        return suggestions.Take(options.Limit).ToList();
    }

    // The nearest tier up first, then the SKU in the most baskets, then the cheaper, then by SKU.
    private static int StepOrder(SkuPriceTier x, SkuPriceTier y)
    {
        // Compared as numbers: Enum.CompareTo takes an object and would box both tiers.
        var order = ((int)x.Tier).CompareTo((int)y.Tier);
        if (order == 0)
        {
            order = y.Baskets.CompareTo(x.Baskets);
        }

        if (order == 0)
        {
            order = x.MeanPrice.CompareTo(y.MeanPrice);
        }

        return order != 0 ? order : string.CompareOrdinal(x.Sku, y.Sku);
    }

    private static SkuPriceTier? Find(IReadOnlyList<SkuPriceTier> tiers, string sku)
    {
        for (var i = 0; i < tiers.Count; i++)
        {
            if (tiers[i].Sku == sku)
            {
                return tiers[i];
            }
        }

        return null;
    }
}
