namespace CustomerEngine.CrossSell.Counting;

/// <summary>
/// Everything counted about one interned item: the baskets it was in and the baskets it shared
/// with each other item. Each pair is held by both of its items, so the rules {a} → {b} for a
/// given a are one row's walk, not a scan of every pair.
/// </summary>
internal sealed class ItemRow
{
    /// <summary>Creates the row of a newly interned item.</summary>
    public ItemRow(int id, string name)
    {
        Id = id;
        Name = name;
    }

    /// <summary>The interned id, dense from 0 in order of first sight.</summary>
    public int Id { get; }

    /// <summary>The SKU or category name as given.</summary>
    public string Name { get; }

    /// <summary>Held by a learner while it counts one basket into this row.</summary>
    public Lock Gate { get; } = new();

    /// <summary>The baskets that contained this item.</summary>
    public long Baskets { get; set; }

    /// <summary>The baskets shared with each partner item.</summary>
    public PartnerCounts Partners { get; } = new();
}
