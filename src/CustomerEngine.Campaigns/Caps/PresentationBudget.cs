namespace CustomerEngine.Campaigns.Caps;

/// <summary>
/// A campaign's total budget of presentations, shared by every customer grain at once. A grain
/// reserves a slot before arbitration and then commits it (the offer was presented) or releases it
/// (it was not): slots in flight count as used, so concurrent grains can never overshoot the
/// budget, and a released slot goes back to the pool. Lock-free.
/// </summary>
public sealed class PresentationBudget
{
    private long _used;
    private long _limit;
    private long _elsewhere;

    /// <summary>A budget of <paramref name="limit"/> presentations (null: unlimited), of which <paramref name="used"/> are spent.</summary>
    public PresentationBudget(long? limit, long used = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(used);
        _limit = limit ?? long.MaxValue;
        _used = used;
    }

    /// <summary>The budget; null when unlimited.</summary>
    public long? Limit
    {
        get
        {
            var limit = Volatile.Read(ref _limit);
            return limit == long.MaxValue ? null : limit;
        }
    }

    /// <summary>Slots committed or reserved here, plus those other nodes reported (<see cref="SetElsewhere"/>).</summary>
    public long Used => Volatile.Read(ref _used) + Volatile.Read(ref _elsewhere);

    /// <summary>Whether a slot is free now.</summary>
    public bool HasRoom => Used < Volatile.Read(ref _limit);

    /// <summary>
    /// Records how many slots the other nodes sharing the campaign have used, as they last
    /// reported: they count against the budget here too. What they spend between two reports can
    /// overshoot the budget by that much.
    /// </summary>
    public void SetElsewhere(long used)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(used);
        Volatile.Write(ref _elsewhere, used);
    }

    /// <summary>Counts <paramref name="used"/> slots spent elsewhere as this node's own (a gone node's, taken over).</summary>
    public void Add(long used)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(used);
        Interlocked.Add(ref _used, used);
    }

    /// <summary>Changes the budget (an edit); slots already used stay used, even above a lowered budget.</summary>
    public void SetLimit(long? limit) => Volatile.Write(ref _limit, limit ?? long.MaxValue);

    /// <summary>Takes a slot if one is free; false when the budget is spent.</summary>
    public bool TryReserve()
    {
        while (true)
        {
            var used = Volatile.Read(ref _used);
            if (used + Volatile.Read(ref _elsewhere) >= Volatile.Read(ref _limit))
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _used, used + 1, used) == used)
            {
                return true;
            }
        }
    }

    /// <summary>Gives back a reserved slot that was not used.</summary>
    public void Release() => Interlocked.Decrement(ref _used);
}
