using System.Collections.Concurrent;

namespace CustomerEngine.CrossSell.Counting;

/// <summary>
/// The symbol table of one counting level: each distinct name is interned once to a dense int id
/// and a <see cref="ItemRow"/>, so pairs are counted between ints rather than strings.
/// Looking up a known name takes no lock; adding a new one takes a short one.
/// </summary>
internal sealed class ItemCatalog
{
    private readonly ConcurrentDictionary<string, ItemRow> _byName = new(StringComparer.Ordinal);
    private readonly Lock _addGate = new();
    private ItemRow[] _byId = new ItemRow[64];
    private int _count;

    /// <summary>The number of distinct names interned.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The row of the item with the given id (an id this catalog handed out).</summary>
    public ItemRow this[int id] => Volatile.Read(ref _byId)[id];

    /// <summary>The row of <paramref name="name"/>, or null if it was never interned.</summary>
    public ItemRow? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The row of <paramref name="name"/>, interning it on first sight.</summary>
    public ItemRow Intern(string name) => _byName.TryGetValue(name, out var row) ? row : Add(name);

    /// <summary>
    /// The rows in id order. Only for a caller that holds the model exclusively, when no learner
    /// can be adding.
    /// </summary>
    public ReadOnlySpan<ItemRow> Rows => _byId.AsSpan(0, _count);

    /// <summary>Adds a name that must be new (restoring a snapshot).</summary>
    public ItemRow AddNew(string name) => _byName.ContainsKey(name)
        ? throw new InvalidDataException($"The name '{name}' appears twice in the snapshot.")
        : Add(name);

    private ItemRow Add(string name)
    {
        lock (_addGate)
        {
            if (_byName.TryGetValue(name, out var existing))
            {
                return existing;
            }

            var row = new ItemRow(_count, name);
            var byId = _byId;
            if (_count == byId.Length)
            {
                // Readers holding the old array still find every id they were given in it.
                Array.Resize(ref byId, byId.Length * 2);
            }

            // The row is in the id array before its name is published, so any thread that finds
            // the name can also look the id up.
            byId[_count] = row;
            Volatile.Write(ref _byId, byId);
            Volatile.Write(ref _count, _count + 1);
            _byName[name] = row;
            return row;
        }
    }
}
