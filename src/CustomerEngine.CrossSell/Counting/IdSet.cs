namespace CustomerEngine.CrossSell.Counting;

/// <summary>Turns the ids of a basket's lines into the ids of its distinct items.</summary>
internal static class IdSet
{
    /// <summary>
    /// Sorts <paramref name="ids"/> in place and returns its distinct values: an item on two lines
    /// of one basket is one item of that basket, as in every association-rule tool.
    /// </summary>
    public static ReadOnlySpan<int> SortDistinct(Span<int> ids)
    {
        if (ids.Length < 2)
        {
            return ids;
        }

        ids.Sort();
        var distinct = 1;
        for (var i = 1; i < ids.Length; i++)
        {
            if (ids[i] != ids[distinct - 1])
            {
                ids[distinct++] = ids[i];
            }
        }

        return ids[..distinct];
    }
}
