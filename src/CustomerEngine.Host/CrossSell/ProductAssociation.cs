namespace CustomerEngine.Host.CrossSell;

/// <summary>One rule {product} → {<paramref name="Sku"/>}: how often the other SKU is bought with the product.</summary>
/// <param name="Sku">The SKU bought with the product.</param>
/// <param name="Support">Baskets holding both / all baskets.</param>
/// <param name="Confidence">Baskets holding both / baskets holding the product.</param>
/// <param name="Lift">Confidence / the share of baskets holding <paramref name="Sku"/>: above 1, bought together more often than by chance.</param>
/// <param name="Count">Baskets holding both.</param>
public sealed record ProductAssociation(string Sku, double Support, double Confidence, double Lift, long Count);
