namespace CustomerEngine.CrossSell.Pricing;

/// <summary>Splits a category's priced SKUs into tertiles of mean price.</summary>
internal static class PriceTierRanking
{
    /// <summary>
    /// Ranks the SKUs by mean price (then SKU, ordinal) and gives the i-th of n the tier ⌊3i/n⌋,
    /// except that SKUs of equal mean price always share the tier of the first of them: a tier
    /// boundary never separates two items a customer would see at the same price.
    /// </summary>
    /// <param name="skus">The category's priced SKUs, in any order and with any tier; sorted and tiered in place.</param>
    public static RankedSku[] Rank(RankedSku[] skus)
    {
        Array.Sort(skus, static (x, y) =>
        {
            var byPrice = x.MeanPrice.CompareTo(y.MeanPrice);
            return byPrice != 0 ? byPrice : string.CompareOrdinal(x.Sku, y.Sku);
        });

        for (var i = 0; i < skus.Length; i++)
        {
            skus[i] = skus[i] with
            {
                Tier = i > 0 && skus[i].MeanPrice == skus[i - 1].MeanPrice ? skus[i - 1].Tier : (PriceTier)(3L * i / skus.Length),
            };
        }

        return skus;
    }
}
