namespace CustomerEngine.CrossSell.Baskets;

/// <summary>
/// One line of a purchase basket (or of a cart, or of a recent purchase): the item bought and,
/// when the event carries them, its category and unit price.
/// </summary>
/// <param name="Sku">The item. Compared ordinally and never trimmed: SKUs are opaque identifiers.</param>
/// <param name="Category">The item's category, or null when the event does not say.</param>
/// <param name="Price">The unit price paid, or null when the event does not say.</param>
public sealed record BasketLine(string Sku, string? Category = null, decimal? Price = null)
{
    /// <summary>The item. Compared ordinally and never trimmed: SKUs are opaque identifiers.</summary>
    public string Sku { get; } = ItemName.Require(Sku, nameof(Sku));

    /// <summary>The item's category, or null when the event does not say.</summary>
    public string? Category { get; } = Category is null ? null : ItemName.Require(Category, nameof(Category));

    /// <summary>The unit price paid, or null when the event does not say.</summary>
    public decimal? Price { get; } = Price is null or >= 0m
        ? Price
        : throw new ArgumentOutOfRangeException(nameof(Price), Price, "A price cannot be negative.");
}
