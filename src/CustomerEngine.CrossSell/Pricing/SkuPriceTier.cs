namespace CustomerEngine.CrossSell.Pricing;

/// <summary>One SKU of a category with its mean price and the price tier that puts it in.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="MeanPrice">The mean of every unit price observed for the SKU.</param>
/// <param name="PriceObservations">How many priced lines the mean is over.</param>
/// <param name="Baskets">How many learned baskets contained the SKU.</param>
/// <param name="Tier">The SKU's tier within its category.</param>
public sealed record SkuPriceTier(string Sku, decimal MeanPrice, long PriceObservations, long Baskets, PriceTier Tier);
