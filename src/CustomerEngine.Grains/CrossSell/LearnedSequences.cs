namespace CustomerEngine.Grains.CrossSell;

/// <summary>
/// Which purchase events (by log sequence) the live model has learned, so that each is learned
/// exactly once although two paths feed it: the pipeline, right after an append, and the walk
/// through the log (the start-up backfill and the periodic catch-up).
/// </summary>
/// <remarks>
/// <para>
/// Every purchase at or below <see cref="Through"/> is learned; above it, exactly those in
/// <see cref="Above"/>. The pipeline hands over events out of sequence order (concurrent
/// requests), so they are recorded one by one; the log walk sees purchases in sequence order and
/// as a prefix (the log never commits an earlier sequence later), so it advances
/// <see cref="Through"/> and folds the recorded ones into it.
/// </para>
/// <para>Not thread-safe: the live model guards it with the lock it learns under.</para>
/// </remarks>
internal sealed class LearnedSequences
{
    private readonly HashSet<long> _above;

    public LearnedSequences(long through, IEnumerable<long> above)
    {
        Through = through;
        _above = [.. above.Where(sequence => sequence > through)];
    }

    /// <summary>Every purchase with a sequence up to this one is learned.</summary>
    public long Through { get; private set; }

    /// <summary>How many purchases above <see cref="Through"/> are learned.</summary>
    public int AboveCount => _above.Count;

    /// <summary>The learned purchases above <see cref="Through"/>, ascending.</summary>
    public long[] Above()
    {
        var above = _above.ToArray();
        Array.Sort(above);
        return above;
    }

    /// <summary>Claims a purchase handed over by the pipeline; true when it still has to be learned.</summary>
    public bool Claim(long sequence) => sequence > Through && _above.Add(sequence);

    /// <summary>
    /// Passes a purchase read from the log (in sequence order, after <see cref="Through"/>); true
    /// when it still has to be learned, false when the pipeline already learned it.
    /// </summary>
    public bool Pass(long sequence)
    {
        if (sequence <= Through)
        {
            return false;
        }

        Through = sequence;
        return !_above.Remove(sequence);
    }

    /// <summary>
    /// Forgets recorded purchases the log walk has gone past without seeing: events erased from
    /// the log after the pipeline handed them over. Their counts stay in the model.
    /// </summary>
    public void ForgetPassed() => _above.RemoveWhere(sequence => sequence <= Through);
}
