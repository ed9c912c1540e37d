namespace CustomerEngine.CrossSell.Pricing;

/// <summary>
/// What the model knows of one SKU beyond its baskets: its latest category and its prices, kept
/// as an exact decimal sum and a count so the running mean never drifts.
/// </summary>
internal sealed class SkuListing
{
    /// <summary>Creates the listing of a SKU seen with a category or a price for the first time.</summary>
    public SkuListing(string sku)
    {
        Sku = sku;
    }

    /// <summary>The SKU.</summary>
    public string Sku { get; }

    /// <summary>Held while the listing changes.</summary>
    public Lock Gate { get; } = new();

    /// <summary>The category of the latest line that named one, or null if none did.</summary>
    public string? Category { get; set; }

    /// <summary>The sum of every observed unit price.</summary>
    public decimal PriceSum { get; set; }

    /// <summary>How many priced lines were observed.</summary>
    public long PriceObservations { get; set; }

    /// <summary>The mean unit price, or null when no line carried a price.</summary>
    public decimal? MeanPrice => PriceObservations == 0 ? null : PriceSum / PriceObservations;
}
