using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace CustomerEngine.Engagement.Actions;

/// <summary>
/// The placeholder values of one provider's candidates for <see cref="ReasonTemplate"/>: the words
/// common to the decision, shared by every provider, under the few a provider sets itself. The common
/// words are made once per decision, so a provider only allocates its own.
/// </summary>
internal sealed class PlaceholderWords(Dictionary<string, string> common) : IReadOnlyDictionary<string, string>
{
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _commonBySpan = common.GetAlternateLookup<ReadOnlySpan<char>>();
    private List<KeyValuePair<string, string>>? _own;

    /// <summary>Sets a provider's own word, which hides a common word of the same name.</summary>
    public string this[string key]
    {
        get => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);
        set
        {
            _own ??= new List<KeyValuePair<string, string>>(4);
            for (var i = 0; i < _own.Count; i++)
            {
                if (string.Equals(_own[i].Key, key, StringComparison.Ordinal))
                {
                    _own[i] = new(key, value);
                    return;
                }
            }

            _own.Add(new(key, value));
        }
    }

    public IEnumerable<string> Keys => this.Select(pair => pair.Key);

    public IEnumerable<string> Values => this.Select(pair => pair.Value);

    public int Count => this.Count();

    /// <summary>Looks a placeholder up without making a string of it.</summary>
    public bool TryGetValue(ReadOnlySpan<char> key, [MaybeNullWhen(false)] out string value)
    {
        if (_own is { } own)
        {
            foreach (var pair in own)
            {
                if (key.SequenceEqual(pair.Key))
                {
                    value = pair.Value;
                    return true;
                }
            }
        }

        return _commonBySpan.TryGetValue(key, out value);
    }

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value) => TryGetValue(key.AsSpan(), out value);

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        if (_own is { } own)
        {
            foreach (var pair in own)
            {
                yield return pair;
            }
        }

        foreach (var pair in common)
        {
            if (_own is null || !_own.Exists(o => string.Equals(o.Key, pair.Key, StringComparison.Ordinal)))
            {
                yield return pair;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
