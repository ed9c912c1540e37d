using System.Collections.Concurrent;

namespace CustomerEngine.Domain.Customers;

/// <summary>
/// One process-wide instance per distinct text for the repetitive strings that every customer
/// keeps (interaction summaries such as "viewed SKU-1" or "purchase 1 item, 99.00", store ids,
/// the reasons of a suggestion): a million customers would otherwise hold a million copies of a
/// few thousand texts. Bounded, so that texts that never repeat cannot grow it without limit;
/// once full, new texts are simply not shared.
/// </summary>
/// <param name="capacity">How many distinct texts the pool holds at most.</param>
/// <param name="maxLength">The longest text it shares; longer ones are returned as they are.</param>
public sealed class SharedStringPool(int capacity, int maxLength)
{
    /// <summary>The pool of the customer state's short texts: summaries, store ids, brands.</summary>
    public static SharedStringPool CustomerTexts { get; } = new(capacity: 200_000, maxLength: 64);

    private readonly ConcurrentDictionary<string, string> _pool = new(StringComparer.Ordinal);
    private int _count;

    /// <summary>The shared instance equal to <paramref name="text"/>, or <paramref name="text"/> itself.</summary>
    public string Share(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > maxLength)
        {
            return text;
        }

        if (_pool.TryGetValue(text, out var shared))
        {
            return shared;
        }

        if (Volatile.Read(ref _count) >= capacity)
        {
            return text;
        }

        // A counter of its own, because ConcurrentDictionary.Count takes every lock of the table.
        if (_pool.TryAdd(text, text))
        {
            Interlocked.Increment(ref _count);
            return text;
        }

        return _pool.TryGetValue(text, out shared) ? shared : text;
    }
}
