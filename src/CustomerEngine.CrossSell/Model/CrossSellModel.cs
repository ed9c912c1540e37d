using System.Collections.Concurrent;
using CustomerEngine.CrossSell.Baskets;
using CustomerEngine.CrossSell.Counting;
using CustomerEngine.CrossSell.Pricing;
using CustomerEngine.CrossSell.Rules;
using CustomerEngine.CrossSell.Snapshots;

namespace CustomerEngine.CrossSell.Model;

/// <summary>
/// The engine-wide cross-sell model: learned incrementally from every purchase basket, it counts
/// baskets, the baskets of each item and the baskets of each unordered pair of items, at SKU level
/// and at category level, and derives the pairwise association rules {a} → {b} from those counts
/// with support, confidence and lift as defined in the association-rule literature.
/// </summary>
/// <remarks>
/// Thread-safe. Any number of threads may read at once; a basket is learned while no read is under
/// way, and a read waits for the basket being learned at that moment. Every answer is therefore
/// computed from whole baskets only: a pair is never counted in more baskets than either of its
/// items, and a snapshot is a consistent cut.
/// </remarks>
public sealed class CrossSellModel
{
    // Baskets this small keep their ids on the stack.
    private const int StackBasketLimit = 128;

    // Readers share the cut and learners take it alone. Every suggestion a grain decides reads the
    // model several times while a purchase is learned once, so reads are the frequent operation;
    // with exclusive reads, grains deciding in parallel spun on this lock for a fifth of the
    // engine's busy time. A learner holds it for one basket only.
    private readonly ReaderWriterLockSlim _cut = new(LockRecursionPolicy.NoRecursion);
    private readonly CooccurrenceCounts _skus;
    private readonly CooccurrenceCounts _categories;
    private readonly SkuListings _listings;
    private long _baskets;

    // Each category's price ranking, as last computed. A ranking depends only on which SKUs a
    // category has and their mean prices, so a learner drops it only when a line changes one of
    // those; the basket and price counts are read live through the ranking's entries, so an entry
    // always gives what a fresh ranking would. Up-sell ranks the same few categories on every
    // decision, ranking sorts the whole category, and with steady prices a purchase changes nothing
    // the ranking depends on.
    private readonly ConcurrentDictionary<string, CategoryRanking> _rankedTiers = new(StringComparer.Ordinal);

    /// <summary>Creates an empty model.</summary>
    /// <param name="options">Settings; the defaults when null.</param>
    public CrossSellModel(CrossSellModelOptions? options = null)
        : this(options ?? new CrossSellModelOptions(), 0, new CooccurrenceCounts(), new CooccurrenceCounts(), new SkuListings())
    {
    }

    internal CrossSellModel(CrossSellModelOptions options, long baskets, CooccurrenceCounts skus, CooccurrenceCounts categories, SkuListings listings)
    {
        Options = options;
        _baskets = baskets;
        _skus = skus;
        _categories = categories;
        _listings = listings;
    }

    /// <summary>The model's settings.</summary>
    public CrossSellModelOptions Options { get; }

    /// <summary>The number of baskets learned: the N every support is a share of.</summary>
    public long Baskets => Interlocked.Read(ref _baskets);

    /// <summary>The number of distinct SKUs learned.</summary>
    public int DistinctItems => _skus.Items.Count;

    /// <summary>The number of distinct unordered SKU pairs seen together in at least one basket.</summary>
    public long DistinctPairs => _skus.DistinctPairs;

    /// <summary>The number of distinct categories learned.</summary>
    public int DistinctCategories => _categories.Items.Count;

    /// <summary>
    /// Learns one purchase basket given as its SKUs. A SKU listed twice counts once. An empty
    /// basket still counts as a basket (as an empty transaction does in arules).
    /// </summary>
    /// <exception cref="ArgumentException">A SKU is null, empty or whitespace; nothing is learned.</exception>
    public void Learn(IReadOnlyCollection<string> basketItems)
    {
        ArgumentNullException.ThrowIfNull(basketItems);
        foreach (var sku in basketItems)
        {
            ItemName.Require(sku, nameof(basketItems));
        }

        Span<int> ids = basketItems.Count <= StackBasketLimit ? stackalloc int[basketItems.Count] : new int[basketItems.Count];
        _cut.EnterWriteLock();
        try
        {
            var count = 0;
            foreach (var sku in basketItems)
            {
                ids[count++] = _skus.Items.Intern(sku).Id;
            }

            _skus.CountBasket(IdSet.SortDistinct(ids[..count]));
            Interlocked.Increment(ref _baskets);
        }
        finally
        {
            _cut.ExitWriteLock();
        }
    }

    /// <summary>
    /// Learns one purchase basket given as lines: SKUs as in <see cref="Learn(IReadOnlyCollection{string})"/>;
    /// the distinct categories of the basket (a line without a category uses the one the model
    /// already knows for its SKU) as a category-level basket; and each line's category (the
    /// latest wins) and price (added to the SKU's mean price).
    /// </summary>
    /// <exception cref="ArgumentNullException">A line is null; nothing is learned.</exception>
    public void Learn(IReadOnlyCollection<BasketLine> basket)
    {
        ArgumentNullException.ThrowIfNull(basket);
        foreach (var line in basket)
        {
            ArgumentNullException.ThrowIfNull(line, nameof(basket));
        }

        var bufferLength = basket.Count * 2;
        Span<int> buffer = bufferLength <= StackBasketLimit ? stackalloc int[bufferLength] : new int[bufferLength];
        var skuIds = buffer[..basket.Count];
        var categoryIds = buffer[basket.Count..];
        _cut.EnterWriteLock();
        try
        {
            int skus = 0, categories = 0;
            foreach (var line in basket)
            {
                skuIds[skus++] = _skus.Items.Intern(line.Sku).Id;
                if (_listings.Observe(line.Sku, line.Category, line.Price, out var formerCategory))
                {
                    ForgetRankedTiers(formerCategory);
                    ForgetRankedTiers(_listings.Find(line.Sku)?.Category);
                }

                if ((line.Category ?? _listings.Find(line.Sku)?.Category) is { } category)
                {
                    categoryIds[categories++] = _categories.Items.Intern(category).Id;
                }
            }

            _skus.CountBasket(IdSet.SortDistinct(skuIds[..skus]));
            _categories.CountBasket(IdSet.SortDistinct(categoryIds[..categories]));
            Interlocked.Increment(ref _baskets);
        }
        finally
        {
            _cut.ExitWriteLock();
        }
    }

    /// <summary>The number of learned baskets that contained <paramref name="sku"/> (0 if never seen).</summary>
    public long ItemBaskets(string sku)
    {
        ArgumentNullException.ThrowIfNull(sku);
        return Read(sku, static (model, s) => model._skus.Items.Find(s)?.Baskets ?? 0);
    }

    /// <summary>The number of learned baskets that contained an item of <paramref name="category"/>.</summary>
    public long CategoryBaskets(string category)
    {
        ArgumentNullException.ThrowIfNull(category);
        return Read(category, static (model, c) => model._categories.Items.Find(c)?.Baskets ?? 0);
    }

    /// <summary>The latest category a line gave <paramref name="sku"/>, or null if none did.</summary>
    public string? CategoryOf(string sku)
    {
        ArgumentNullException.ThrowIfNull(sku);
        return Read(sku, static (model, s) => model._listings.Find(s)?.Category);
    }

    /// <summary>The mean unit price of <paramref name="sku"/> over every priced line, or null if none was priced.</summary>
    public decimal? MeanPrice(string sku)
    {
        ArgumentNullException.ThrowIfNull(sku);
        return Read(sku, static (model, s) => model._listings.Find(s)?.MeanPrice);
    }

    /// <summary>The rules {<paramref name="sku"/>} → {other} at the default thresholds (see <see cref="Options"/>).</summary>
    public IReadOnlyList<AssociationRule> Associations(string sku, int limit) => Associations(sku, limit, Options.Thresholds);

    /// <summary>
    /// The rules {<paramref name="sku"/>} → {other} at or above <paramref name="thresholds"/>,
    /// by lift descending, then confidence descending, then other SKU (ordinal); at most
    /// <paramref name="limit"/> of them. None for a SKU never learned.
    /// </summary>
    public IReadOnlyList<AssociationRule> Associations(string sku, int limit, AssociationThresholds thresholds) =>
        AntecedentRules(_skus, sku, limit, thresholds);

    /// <summary>The category rules {<paramref name="category"/>} → {other category} at the default thresholds.</summary>
    public IReadOnlyList<AssociationRule> CategoryAssociations(string category, int limit) =>
        CategoryAssociations(category, limit, Options.Thresholds);

    /// <summary>
    /// The category-level rules {<paramref name="category"/>} → {other category}, where a basket
    /// "contains" a category when one of its lines is in it; ordered and limited as
    /// <see cref="Associations(string, int, AssociationThresholds)"/>.
    /// </summary>
    public IReadOnlyList<AssociationRule> CategoryAssociations(string category, int limit, AssociationThresholds thresholds) =>
        AntecedentRules(_categories, category, limit, thresholds);

    /// <summary>Every pairwise SKU rule at the default thresholds (see <see cref="Options"/>).</summary>
    public AssociationRuleSet Rules(int limit) => Rules(Options.Thresholds, limit);

    /// <summary>
    /// Every pairwise SKU rule {a} → {b} at or above <paramref name="thresholds"/> (both rules of
    /// a pair are considered separately), by lift descending, then antecedent, then consequent
    /// (ordinal); at most <paramref name="limit"/> of them, with the basket count they were
    /// measured over.
    /// </summary>
    public AssociationRuleSet Rules(AssociationThresholds thresholds, int limit)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var rules = new List<AssociationRule>();
        long baskets;
        _cut.EnterReadLock();
        try
        {
            baskets = _baskets;
            foreach (var row in _skus.Items.Rows)
            {
                AddRules(rules, _skus, row, thresholds, baskets);
            }
        }
        finally
        {
            _cut.ExitReadLock();
        }

        // Sorting happens after the cut is released: learners need not wait for it.
        rules.Sort(RuleOrder.Overall);
        return new AssociationRuleSet(baskets, Truncate(rules, limit));
    }

    /// <summary>
    /// The SKUs of <paramref name="category"/> that have a price, ranked by mean price into
    /// tertiles (see <see cref="PriceTier"/>), cheapest first. SKUs of equal mean price share a tier.
    /// </summary>
    public IReadOnlyList<SkuPriceTier> PriceTiers(string category)
    {
        ArgumentNullException.ThrowIfNull(category);

        return Read(() =>
        {
            var ranking = Ranking(category).Skus;
            var tiers = new SkuPriceTier[ranking.Length];
            for (var i = 0; i < ranking.Length; i++)
            {
                tiers[i] = ranking[i].ToPriceTier();
            }

            return tiers;
        });
    }

    /// <summary>
    /// The price ranking of <paramref name="category"/> that <see cref="PriceTiers"/> describes,
    /// shared rather than copied; read its counts through the entries, which follow later baskets.
    /// </summary>
    internal CategoryRanking RankedSkus(string category) => Read(category, static (model, c) => model.Ranking(c));

    // Ranked and kept under the cut, so no learner can change the category in between.
    private CategoryRanking Ranking(string category) =>
        _rankedTiers.TryGetValue(category, out var ranked) ? ranked : _rankedTiers[category] = Rank(category);

    private CategoryRanking Rank(string category)
    {
        var listings = _listings.InCategory(category);
        var skus = new List<RankedSku>(listings.Count);
        foreach (var listing in listings)
        {
            if (listing.MeanPrice is { } meanPrice)
            {
                skus.Add(new RankedSku(listing, _skus.Items.Find(listing.Sku), meanPrice, PriceTier.Entry));
            }
        }

        return new CategoryRanking(PriceTierRanking.Rank([.. skus]));
    }

    private void ForgetRankedTiers(string? category)
    {
        if (category is not null && _rankedTiers.ContainsKey(category))
        {
            _rankedTiers.TryRemove(category, out _);
        }
    }

    /// <summary>
    /// Writes the whole model (counts, categories, prices; not the options) to
    /// <paramref name="destination"/> in the compact binary format of <see cref="ReadSnapshot"/>.
    /// The snapshot is a consistent cut: it holds exactly the baskets learned before it.
    /// </summary>
    public void WriteSnapshot(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var buffer = new MemoryStream();
        _cut.EnterReadLock();
        try
        {
            // Serialised to memory under the cut so learners wait for the encoding only, never
            // for the caller's (possibly slow) stream.
            CrossSellSnapshot.Write(buffer, _baskets, _skus, _categories, _listings);
        }
        finally
        {
            _cut.ExitReadLock();
        }

        buffer.Position = 0;
        buffer.CopyTo(destination);
    }

    /// <summary>Restores a model written by <see cref="WriteSnapshot"/>, ready to keep learning.</summary>
    /// <param name="source">The snapshot, read from its current position.</param>
    /// <param name="options">Settings of the restored model; the defaults when null.</param>
    /// <exception cref="InvalidDataException">The stream is not a snapshot, is of an unknown version, or is truncated or inconsistent.</exception>
    public static CrossSellModel ReadSnapshot(Stream source, CrossSellModelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return CrossSellSnapshot.Read(source, options ?? new CrossSellModelOptions());
    }

    private static List<AssociationRule> Truncate(List<AssociationRule> rules, int limit)
    {
        if (rules.Count > limit)
        {
            rules.RemoveRange(limit, rules.Count - limit);
        }

        return rules;
    }

    private static void AddRules(List<AssociationRule> rules, CooccurrenceCounts level, ItemRow antecedent, AssociationThresholds thresholds, long baskets)
    {
        foreach (var (partner, count) in antecedent.Partners)
        {
            var consequent = level.Items[partner];
            var measures = RuleMeasures.Of(count, antecedent.Baskets, consequent.Baskets, baskets);
            if (thresholds.Admits(measures.Support, measures.Confidence))
            {
                rules.Add(measures.ToRule(antecedent.Name, consequent.Name, count));
            }
        }
    }

    private IReadOnlyList<AssociationRule> AntecedentRules(CooccurrenceCounts level, string antecedent, int limit, AssociationThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(antecedent);
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var rules = Read(() =>
        {
            var found = new List<AssociationRule>();
            if (level.Items.Find(antecedent) is { } row)
            {
                AddRules(found, level, row, thresholds, _baskets);
            }

            return found;
        });
        rules.Sort(RuleOrder.ForAntecedent);
        return Truncate(rules, limit);
    }

    // Decisions read the model many times each; with the argument passed in, a static lambda
    // reads it without allocating a closure per read.
    private T Read<TArg, T>(TArg argument, Func<CrossSellModel, TArg, T> read)
    {
        _cut.EnterReadLock();
        try
        {
            return read(this, argument);
        }
        finally
        {
            _cut.ExitReadLock();
        }
    }

    private T Read<T>(Func<T> read) => Read(read, static (_, r) => r());
}
