using CustomerEngine.CrossSell.Counting;

namespace CustomerEngine.CrossSell.Pricing;

/// <summary>
/// One SKU's place in its category's price ranking. The ranking depends only on the category's
/// members and their mean prices, so it is kept while baskets that change neither are learned;
/// the counts that move with every basket are read live from <see cref="Listing"/> and <see cref="Row"/>.
/// </summary>
/// <param name="Listing">The SKU's listing.</param>
/// <param name="Row">The SKU's counts; null if it was never in a basket.</param>
/// <param name="MeanPrice">The mean price when ranked, which is still the mean: a change drops the ranking.</param>
/// <param name="Tier">The SKU's tier within its category.</param>
internal readonly record struct RankedSku(SkuListing Listing, ItemRow? Row, decimal MeanPrice, PriceTier Tier)
{
    /// <summary>The SKU.</summary>
    public string Sku => Listing.Sku;

    /// <summary>The baskets that contained the SKU, as learned so far.</summary>
    public long Baskets => Row?.Baskets ?? 0;

    /// <summary>The public form, with the counts as they are now.</summary>
    public SkuPriceTier ToPriceTier() => ToPriceTier(Baskets);

    /// <summary>The public form, with <paramref name="baskets"/> as read by the caller.</summary>
    public SkuPriceTier ToPriceTier(long baskets) => new(Sku, MeanPrice, Listing.PriceObservations, baskets, Tier);
}
