using System.Collections.Concurrent;

namespace CustomerEngine.Campaigns.Conditions;

/// <summary>
/// The values already read from one subject, per field path. A hundred campaigns ask about the same
/// dozen fields (stage, tier, segments, an event's categories); each is read once per decision and
/// every later test only compares. Belongs to one subject, used by one decision at a time.
/// </summary>
internal sealed class FieldValueCache
{
    private static readonly ConcurrentDictionary<string, int> Ids = new(StringComparer.Ordinal);
    private FieldValue[]?[] _slots = [];

    /// <summary>A process-wide number for a path (with its kind of subject), given when a campaign is compiled.</summary>
    public static int IdOf(string key) => Ids.GetOrAdd(key, static (_, ids) => ids.Count, Ids);

    public FieldValue[] Get<TState>(int id, TState state, Func<TState, FieldValue[]> read)
    {
        if (id >= _slots.Length)
        {
            Array.Resize(ref _slots, Math.Max(id + 1, Math.Max(16, _slots.Length * 2)));
        }

        return _slots[id] ??= read(state);
    }
}
