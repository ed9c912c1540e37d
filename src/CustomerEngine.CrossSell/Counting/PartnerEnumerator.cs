namespace CustomerEngine.CrossSell.Counting;

/// <summary>
/// Walks the occupied slots of a <see cref="PartnerCounts"/> without allocating, so reading every
/// pair of a large model creates no garbage per pair.
/// </summary>
internal struct PartnerEnumerator
{
    private readonly PartnerSlot[] _slots;
    private int _slot;

    /// <summary>Starts before the first slot of <paramref name="slots"/>.</summary>
    public PartnerEnumerator(PartnerSlot[] slots)
    {
        _slots = slots;
        _slot = -1;
    }

    /// <summary>The current partner id and the number of baskets shared with it.</summary>
    public readonly (int Partner, long Count) Current => (_slots[_slot].Key - 1, _slots[_slot].Count);

    /// <summary>Moves to the next occupied slot.</summary>
    public bool MoveNext()
    {
        while (++_slot < _slots.Length)
        {
            if (_slots[_slot].Key != 0)
            {
                return true;
            }
        }

        return false;
    }
}
