namespace CustomerEngine.CrossSell.Pricing;

/// <summary>
/// Where a SKU's mean price sits among the priced SKUs of its category: the cheapest third, the
/// middle third or the dearest third.
/// </summary>
public enum PriceTier
{
    /// <summary>The cheapest third of the category.</summary>
    Entry = 0,

    /// <summary>The middle third of the category.</summary>
    Mid = 1,

    /// <summary>The dearest third of the category.</summary>
    Premium = 2,
}
