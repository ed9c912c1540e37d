using System.Collections.Concurrent;

namespace CustomerEngine.CrossSell.Pricing;

/// <summary>
/// The listings of every SKU seen with a category or a price, indexed by SKU and by category so a
/// category's price tiers are computed from its own SKUs rather than a scan of the whole catalog.
/// </summary>
internal sealed class SkuListings
{
    private readonly ConcurrentDictionary<string, SkuListing> _bySku = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, SkuListing>> _byCategory = new(StringComparer.Ordinal);

    /// <summary>The listing of <paramref name="sku"/>, or null if it was never seen with a category or price.</summary>
    public SkuListing? Find(string sku) => _bySku.GetValueOrDefault(sku);

    /// <summary>The SKUs whose latest category is <paramref name="category"/>.</summary>
    public ICollection<SkuListing> InCategory(string category) =>
        _byCategory.TryGetValue(category, out var members) ? members.Values : [];

    /// <summary>Every listing, ordered by SKU (ordinal) so snapshots are deterministic.</summary>
    public IEnumerable<SkuListing> All => _bySku.Values.OrderBy(listing => listing.Sku, StringComparer.Ordinal);

    /// <summary>
    /// Records one basket line's category (the latest wins) and price (added to the mean). Returns
    /// whether that moved the SKU in the price ranking, that is changed its category or its mean
    /// price; <paramref name="formerCategory"/> is then the category it left, if any.
    /// </summary>
    public bool Observe(string sku, string? category, decimal? price, out string? formerCategory)
    {
        formerCategory = null;
        if (category is null && price is null)
        {
            return false;
        }

        var listing = _bySku.GetOrAdd(sku, static s => new SkuListing(s));
        lock (listing.Gate)
        {
            var moved = false;
            if (category is not null && !string.Equals(category, listing.Category, StringComparison.Ordinal))
            {
                // A recategorised SKU moves, so each SKU is in exactly one category's tiers.
                if (listing.Category is not null && _byCategory.TryGetValue(listing.Category, out var former))
                {
                    former.TryRemove(sku, out _);
                }

                _byCategory.GetOrAdd(category, static _ => new(StringComparer.Ordinal))[sku] = listing;
                formerCategory = listing.Category;
                listing.Category = category;
                moved = true;
            }

            if (price is { } unitPrice)
            {
                var meanBefore = listing.MeanPrice;
                listing.PriceSum += unitPrice;
                listing.PriceObservations++;
                moved |= listing.MeanPrice != meanBefore;
            }

            return moved;
        }
    }

    /// <summary>Adds a listing read from a snapshot, which must hold each SKU once.</summary>
    public void Restore(string sku, string? category, decimal priceSum, long priceObservations)
    {
        var listing = new SkuListing(sku) { PriceSum = priceSum, PriceObservations = priceObservations };
        if (!_bySku.TryAdd(sku, listing))
        {
            throw new InvalidDataException($"The SKU '{sku}' is listed twice in the snapshot.");
        }

        if (category is not null)
        {
            listing.Category = category;
            _byCategory.GetOrAdd(category, static _ => new(StringComparer.Ordinal))[sku] = listing;
        }
    }
}
