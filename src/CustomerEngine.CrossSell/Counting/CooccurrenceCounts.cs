namespace CustomerEngine.CrossSell.Counting;

/// <summary>
/// Basket counts at one level (SKUs, or categories): per item, the baskets it was in and the
/// baskets it shared with each other item. Learners may count baskets concurrently; each item row
/// is locked only while one basket is added to it. The total basket count is the model's, since it
/// is the same for every level.
/// </summary>
internal sealed class CooccurrenceCounts
{
    private long _distinctPairs;

    /// <summary>The interned items of this level.</summary>
    public ItemCatalog Items { get; } = new();

    /// <summary>The number of distinct unordered pairs seen together in at least one basket.</summary>
    public long DistinctPairs => Interlocked.Read(ref _distinctPairs);

    /// <summary>
    /// Counts one basket, given as the ids of its distinct items. Rows are locked one at a time, so
    /// two learners never wait on each other in a cycle.
    /// </summary>
    public void CountBasket(ReadOnlySpan<int> distinctIds)
    {
        foreach (var id in distinctIds)
        {
            var row = Items[id];
            var newPairs = 0;
            lock (row.Gate)
            {
                row.Baskets++;
                foreach (var partner in distinctIds)
                {
                    // Both rows of a new pair see it as new; only the lower id counts it.
                    if (partner != id && row.Partners.Add(partner, 1) && partner > id)
                    {
                        newPairs++;
                    }
                }
            }

            if (newPairs > 0)
            {
                Interlocked.Add(ref _distinctPairs, newPairs);
            }
        }
    }

    /// <summary>Adds a pair read from a snapshot, which must hold each pair once.</summary>
    public void RestorePair(ItemRow a, ItemRow b, long count)
    {
        var newInA = a.Partners.Add(b.Id, count);
        var newInB = b.Partners.Add(a.Id, count);
        if (!newInA || !newInB)
        {
            throw new InvalidDataException($"The pair '{a.Name}', '{b.Name}' appears twice in the snapshot.");
        }

        _distinctPairs++;
    }
}
