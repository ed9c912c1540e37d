using CustomerEngine.CrossSell.Baskets;
using CustomerEngine.Domain.Events;

namespace CustomerEngine.Grains.CrossSell;

/// <summary>How a <c>purchase</c> event becomes a basket of the cross-sell model.</summary>
public static class PurchaseBasket
{
    /// <summary>
    /// One line per purchase line: its SKU, its category and its unit list price. The model counts
    /// a SKU listed on two lines once; each line's price is one observation of the SKU's price.
    /// </summary>
    /// <remarks>
    /// The list price, not the price after discount: price tiers rank what a SKU costs, and a
    /// promotion on one order should not move it down a tier. A category that is only whitespace
    /// (the event schema allows it) counts as none.
    /// </remarks>
    public static IReadOnlyList<BasketLine> Lines(Purchase purchase)
    {
        ArgumentNullException.ThrowIfNull(purchase);
        var lines = new BasketLine[purchase.Items.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            var item = purchase.Items[i];
            var category = string.IsNullOrWhiteSpace(item.Category) ? null : item.Category;
            lines[i] = new BasketLine(item.Sku, category, item.Price);
        }

        return lines;
    }
}
