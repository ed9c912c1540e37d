using CustomerEngine.CrossSell.Counting;

namespace CustomerEngine.CrossSell.Pricing;

/// <summary>A SKU of a category with its mean price, before ranking gives it a tier.</summary>
/// <param name="Listing">The SKU's listing, read live for its price observations.</param>
/// <param name="Row">The SKU's counts, read live for its baskets; null if it was never in a basket.</param>
/// <param name="MeanPrice">The mean price the ranking orders by.</param>
internal readonly record struct PricedSku(SkuListing Listing, ItemRow? Row, decimal MeanPrice);
