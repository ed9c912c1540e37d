using System.Numerics;

namespace CustomerEngine.CrossSell.Counting;

/// <summary>
/// How many baskets one item shared with each partner item: an open-addressing hash table
/// (linear probing) from partner id to count, in one flat array of 12-byte slots and no objects
/// per pair. Not thread-safe: the owning <see cref="ItemRow"/>'s lock guards it.
/// </summary>
internal sealed class PartnerCounts
{
    private const int FirstCapacity = 4;

    private PartnerSlot[] _slots = [];
    private int _shift = 32;

    /// <summary>The number of distinct partners.</summary>
    public int Count { get; private set; }

    /// <summary>Adds <paramref name="baskets"/> to the count shared with <paramref name="partner"/>.</summary>
    /// <returns>True when <paramref name="partner"/> had no count before.</returns>
    public bool Add(int partner, long baskets)
    {
        // Growing at three quarters full keeps probe runs short.
        if ((Count + 1) * 4 > _slots.Length * 3)
        {
            Resize(_slots.Length == 0 ? FirstCapacity : _slots.Length * 2);
        }

        var key = partner + 1;
        var mask = _slots.Length - 1;
        for (var slot = Home(key); ; slot = (slot + 1) & mask)
        {
            ref var found = ref _slots[slot];
            if (found.Key == key)
            {
                found.Count += baskets;
                return false;
            }

            if (found.Key == 0)
            {
                found.Key = key;
                found.Count = baskets;
                Count++;
                return true;
            }
        }
    }

    /// <summary>Enumerates every partner and count, in slot (not id) order.</summary>
    public PartnerEnumerator GetEnumerator() => new(_slots);

    /// <summary>The partners and counts, sorted by partner id (for snapshots, which must be deterministic).</summary>
    public (int Partner, long Count)[] ToSortedArray()
    {
        var pairs = new (int Partner, long Count)[Count];
        var next = 0;
        foreach (var pair in this)
        {
            pairs[next++] = pair;
        }

        Array.Sort(pairs, static (x, y) => x.Partner.CompareTo(y.Partner));
        return pairs;
    }

    // Fibonacci hashing spreads consecutive ids (interned in arrival order) over the table.
    private int Home(int key) => (int)(((uint)key * 0x9E3779B9u) >> _shift);

    private void Resize(int capacity)
    {
        var old = _slots;
        _slots = new PartnerSlot[capacity];
        _shift = 32 - BitOperations.Log2((uint)capacity);
        var mask = capacity - 1;
        foreach (var moving in old)
        {
            if (moving.Key == 0)
            {
                continue;
            }

            var slot = Home(moving.Key);
            while (_slots[slot].Key != 0)
            {
                slot = (slot + 1) & mask;
            }

            _slots[slot] = moving;
        }
    }
}
