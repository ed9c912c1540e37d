using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CustomerEngine.Engagement.Actions;

/// <summary>
/// The placeholder values of one provider's candidates for <see cref="ReasonTemplate"/>: the words
/// common to the decision, shared by every provider, under the few a provider sets itself. The common
/// words are made once per decision, so a provider only allocates its own.
/// </summary>
internal sealed class PlaceholderWords(KeyValuePair<string, string>[] common) : IReadOnlyDictionary<string, string>
{
    private const int InlineCount = 4;

    // A provider sets a few words of its own: kept in the object itself, and in a list past four.
    private InlineWords _inline;
    private int _ownCount;
    private List<KeyValuePair<string, string>>? _more;

    /// <summary>Sets a provider's own word, which hides a common word of the same name.</summary>
    public string this[string key]
    {
        get => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);
        set
        {
            var own = Own;
            for (var i = 0; i < own.Length; i++)
            {
                if (string.Equals(own[i].Key, key, StringComparison.Ordinal))
                {
                    own[i] = new(key, value);
                    return;
                }
            }

            if (_ownCount < InlineCount)
            {
                _inline[_ownCount++] = new(key, value);
                return;
            }

            _more ??= [];
            var index = _more.FindIndex(pair => string.Equals(pair.Key, key, StringComparison.Ordinal));
            if (index >= 0)
            {
                _more[index] = new(key, value);
            }
            else
            {
                _more.Add(new(key, value));
            }
        }
    }

    public IEnumerable<string> Keys => this.Select(pair => pair.Key);

    public IEnumerable<string> Values => this.Select(pair => pair.Value);

    public int Count => this.Count();

    /// <summary>Looks a placeholder up without making a string of it.</summary>
    public bool TryGetValue(ReadOnlySpan<char> key, [MaybeNullWhen(false)] out string value)
    {
        if (Find(Own, key, out value) || (_more is { } more && Find(CollectionsMarshal.AsSpan(more), key, out value)))
        {
            return true;
        }

        return Find(common, key, out value);
    }

    private Span<KeyValuePair<string, string>> Own => ((Span<KeyValuePair<string, string>>)_inline)[.._ownCount];

    private static bool Find(ReadOnlySpan<KeyValuePair<string, string>> words, ReadOnlySpan<char> key, [MaybeNullWhen(false)] out string value)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if (key.SequenceEqual(words[i].Key))
            {
                value = words[i].Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value) => TryGetValue(key.AsSpan(), out value);

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        var own = new List<KeyValuePair<string, string>>(Own.ToArray());
        own.AddRange(_more ?? []);
        foreach (var pair in own)
        {
            yield return pair;
        }

        foreach (var pair in common)
        {
            if (!own.Exists(o => string.Equals(o.Key, pair.Key, StringComparison.Ordinal)))
            {
                yield return pair;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    [InlineArray(InlineCount)]
    private struct InlineWords
    {
        private KeyValuePair<string, string> _first;
    }
}
