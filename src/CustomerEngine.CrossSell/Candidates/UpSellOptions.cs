namespace CustomerEngine.CrossSell.Candidates;

/// <summary>How up-sell candidates are chosen.</summary>
public sealed record UpSellOptions
{
    /// <summary>The most suggestions returned. Default 5.</summary>
    public int Limit
    {
        get;
        init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A limit cannot be negative.");
    } = 5;

    /// <summary>The most suggestions for any one held item. Default 1.</summary>
    public int PerItem
    {
        get;
        init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A limit cannot be negative.");
    } = 1;

    /// <summary>
    /// The fewest priced SKUs a category needs before its tiers mean anything. Default 3: one per
    /// tier.
    /// </summary>
    public int MinCategorySkus
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A category needs at least one SKU.");
    } = 3;
}
