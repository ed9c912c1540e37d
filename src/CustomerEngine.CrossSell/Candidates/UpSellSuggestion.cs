using CustomerEngine.CrossSell.Pricing;

namespace CustomerEngine.CrossSell.Candidates;

/// <summary>A dearer item of the same category to offer in place of, or beside, one the customer has.</summary>
/// <param name="Sku">The suggested SKU.</param>
/// <param name="Category">The category both SKUs are in.</param>
/// <param name="InsteadOfSku">The customer's item the suggestion steps up from.</param>
/// <param name="Tier">The suggested SKU's price tier.</param>
/// <param name="MeanPrice">The suggested SKU's mean price.</param>
/// <param name="FromTier">The customer's item's price tier.</param>
/// <param name="FromMeanPrice">The customer's item's mean price.</param>
/// <param name="Baskets">The baskets the suggested SKU was in: how proven it is.</param>
/// <param name="Reason">Why, for a person.</param>
public sealed record UpSellSuggestion(
    string Sku,
    string Category,
    string InsteadOfSku,
    PriceTier Tier,
    decimal MeanPrice,
    PriceTier FromTier,
    decimal FromMeanPrice,
    long Baskets,
    string Reason);
