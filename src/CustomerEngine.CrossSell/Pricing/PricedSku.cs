namespace CustomerEngine.CrossSell.Pricing;

/// <summary>A SKU of a category with its price figures, before ranking gives it a tier.</summary>
internal readonly record struct PricedSku(string Sku, decimal MeanPrice, long PriceObservations, long Baskets);
