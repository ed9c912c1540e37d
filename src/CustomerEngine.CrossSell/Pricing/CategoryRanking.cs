namespace CustomerEngine.CrossSell.Pricing;

/// <summary>A category's priced SKUs ranked cheapest first (see <see cref="PriceTierRanking"/>), with each SKU's place.</summary>
internal sealed class CategoryRanking
{
    // Up-sell looks up every held item's place in most decisions; a category has hundreds of SKUs.
    private readonly Dictionary<string, int> _places;

    // _aboveTier[t]: where the first SKU of a tier above t stands (the ranking's length if none).
    private readonly int[] _aboveTier = new int[(int)PriceTier.Premium + 1];

    public CategoryRanking(RankedSku[] skus)
    {
        Skus = skus;
        _places = new Dictionary<string, int>(skus.Length, StringComparer.Ordinal);
        for (var i = 0; i < skus.Length; i++)
        {
            _places[skus[i].Sku] = i;
        }

        // Tiers only rise along the ranking, so each boundary is found walking on from the last.
        var start = 0;
        for (var tier = 0; tier < _aboveTier.Length; tier++)
        {
            while (start < skus.Length && (int)skus[start].Tier <= tier)
            {
                start++;
            }

            _aboveTier[tier] = start;
        }
    }

    /// <summary>The SKUs, cheapest first.</summary>
    public RankedSku[] Skus { get; }

    /// <summary>Where the first SKU of a tier above <paramref name="tier"/> stands, or the length of <see cref="Skus"/> when there is none.</summary>
    public int StartAbove(PriceTier tier) => _aboveTier[(int)tier];

    /// <summary>Where <paramref name="sku"/> stands in <see cref="Skus"/>, or -1 when it is not ranked here.</summary>
    public int PlaceOf(string sku) => _places.TryGetValue(sku, out var place) ? place : -1;
}
