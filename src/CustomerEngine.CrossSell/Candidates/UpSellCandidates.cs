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

            var from = tiers.FirstOrDefault(tier => tier.Sku == item.Sku);
            if (tiers.Count < options.MinCategorySkus || from is null)
            {
                continue;
            }

            var stepsUp = tiers
                .Where(to => to.Tier > from.Tier && to.MeanPrice > from.MeanPrice && !held.Skus.Contains(to.Sku) && !suggested.Contains(to.Sku))
                .OrderBy(to => to.Tier)
                .ThenByDescending(to => to.Baskets)
                .ThenBy(to => to.MeanPrice)
                .ThenBy(to => to.Sku, StringComparer.Ordinal)
                .Take(options.PerItem);
            foreach (var to in stepsUp)
            {
                suggested.Add(to.Sku);
                suggestions.Add(new UpSellSuggestion(
                    to.Sku, category, item.Sku, to.Tier, to.MeanPrice, from.Tier, from.MeanPrice, to.Baskets, SuggestionReason.ForUpSell(item, category, from, to)));
            }
        }

        return suggestions.Take(options.Limit).ToList();
    }
}
