namespace CustomerEngine.CrossSell.Pricing;

/// <summary>Splits a category's priced SKUs into tertiles of mean price.</summary>
internal static class PriceTierRanking
{
    /// <summary>
    /// Ranks the SKUs by mean price (then SKU, ordinal) and gives the i-th of n the tier ⌊3i/n⌋,
    /// except that SKUs of equal mean price always share the tier of the first of them: a tier
    /// boundary never separates two items a customer would see at the same price.
    /// </summary>
    public static RankedSku[] Rank(List<PricedSku> unranked)
    {
        unranked.Sort(static (x, y) =>
        {
            var byPrice = x.MeanPrice.CompareTo(y.MeanPrice);
            return byPrice != 0 ? byPrice : string.CompareOrdinal(x.Listing.Sku, y.Listing.Sku);
        });

        var ranked = new RankedSku[unranked.Count];
        for (var i = 0; i < unranked.Count; i++)
        {
            var sku = unranked[i];
            var tier = i > 0 && sku.MeanPrice == ranked[i - 1].MeanPrice
                ? ranked[i - 1].Tier
                : (PriceTier)(3L * i / unranked.Count);
            ranked[i] = new RankedSku(sku.Listing, sku.Row, sku.MeanPrice, tier);
        }

        return ranked;
    }
}
