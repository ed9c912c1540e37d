using CustomerEngine.CrossSell.Baskets;
using CustomerEngine.CrossSell.Model;

namespace CustomerEngine.CrossSell.Candidates;

/// <summary>
/// What a customer already has: the basket's items then the recent purchases (an item in both
/// counts as in the basket), and the SKUs and categories among them, which are never suggested.
/// </summary>
internal sealed class HeldItems
{
    private HashSet<string>? _categories;

    private HeldItems(List<HeldItem> items, HashSet<string> skus)
    {
        Items = items;
        Skus = skus;
    }

    /// <summary>Each held SKU once, basket items first, in the order given.</summary>
    public IReadOnlyList<HeldItem> Items { get; }

    /// <summary>Every held SKU.</summary>
    public IReadOnlySet<string> Skus { get; }

    /// <summary>Every category of a held SKU.</summary>
    /// <remarks>Made on first read: cross-sell asks for it, up-sell, which runs in the same decisions, does not.</remarks>
    public IReadOnlySet<string> Categories => _categories ??= CategoriesOf(Items);

    /// <summary>
    /// Collects the held items. A line without a category takes the one the model knows for its
    /// SKU, so a bare SKU from a cart still has a category to fall back on.
    /// </summary>
    public static HeldItems From(CrossSellModel model, IReadOnlyCollection<BasketLine> basket, IReadOnlyCollection<BasketLine> recentPurchases)
    {
        // The SKUs seen are the held SKUs: one set serves both.
        var skus = new HashSet<string>(StringComparer.Ordinal);
        var items = new List<HeldItem>(basket.Count + recentPurchases.Count);
        Collect(model, basket, HeldIn.Basket, nameof(basket), skus, items);
        Collect(model, recentPurchases, HeldIn.RecentPurchases, nameof(recentPurchases), skus, items);
        return new HeldItems(items, skus);
    }

    private static HashSet<string> CategoriesOf(IReadOnlyList<HeldItem> items)
    {
        var categories = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item.Category is { } category)
            {
                categories.Add(category);
            }
        }

        return categories;
    }

    private static void Collect(CrossSellModel model, IReadOnlyCollection<BasketLine> lines, HeldIn source, string parameterName, HashSet<string> skus, List<HeldItem> items)
    {
        foreach (var line in lines)
        {
            ArgumentNullException.ThrowIfNull(line, parameterName);
            if (skus.Add(line.Sku))
            {
                items.Add(new HeldItem(line.Sku, line.Category ?? model.CategoryOf(line.Sku), source));
            }
        }
    }
}
