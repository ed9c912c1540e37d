namespace CustomerEngine.CrossSell.Candidates;

/// <summary>What a cross-sell suggestion names.</summary>
public enum SuggestionLevel
{
    /// <summary>A SKU, from item-level associations.</summary>
    Sku,

    /// <summary>
    /// A category, from category-level associations: the fallback for a held item with too few
    /// baskets of its own to trust its item-level rules.
    /// </summary>
    Category,
}
