using CustomerEngine.CrossSell.Baskets;
using CustomerEngine.CrossSell.Model;

namespace CustomerEngine.CrossSell.Candidates;

/// <summary>
/// What a customer already has: the basket's items then the recent purchases (an item in both
/// counts as in the basket), and the SKUs and categories among them, which are never suggested.
/// </summary>
internal sealed class HeldItems
{
    private HeldItems(List<HeldItem> items)
    {
        Items = items;
        Skus = items.Select(item => item.Sku).ToHashSet(StringComparer.Ordinal);
        Categories = items.Where(item => item.Category is not null).Select(item => item.Category!).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Each held SKU once, basket items first, in the order given.</summary>
    public IReadOnlyList<HeldItem> Items { get; }

    /// <summary>Every held SKU.</summary>
    public IReadOnlySet<string> Skus { get; }

    /// <summary>Every category of a held SKU.</summary>
    public IReadOnlySet<string> Categories { get; }

    /// <summary>
    /// Collects the held items. A line without a category takes the one the model knows for its
    /// SKU, so a bare SKU from a cart still has a category to fall back on.
    /// </summary>
    public static HeldItems From(CrossSellModel model, IReadOnlyCollection<BasketLine> basket, IReadOnlyCollection<BasketLine> recentPurchases)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var items = new List<HeldItem>();
        foreach (var (lines, source) in new[] { (basket, HeldIn.Basket), (recentPurchases, HeldIn.RecentPurchases) })
        {
            foreach (var line in lines)
            {
                ArgumentNullException.ThrowIfNull(line, source == HeldIn.Basket ? nameof(basket) : nameof(recentPurchases));
                if (seen.Add(line.Sku))
                {
                    items.Add(new HeldItem(line.Sku, line.Category ?? model.CategoryOf(line.Sku), source));
                }
            }
        }

        return new HeldItems(items);
    }
}
