using System.Collections.Concurrent;

namespace CustomerEngine.Domain.Customers;

/// <summary>
/// One process-wide instance per distinct text for the short, repetitive strings that every
/// customer keeps (interaction summaries such as "viewed SKU-1" or "purchase 1 item, 99.00",
/// store ids): a million customers would otherwise hold a million copies of a few thousand texts.
/// Bounded, so that texts that never repeat cannot grow it without limit; once full, new texts
/// are simply not shared.
/// </summary>
internal static class SharedStringPool
{
    /// <summary>How many distinct texts the pool holds at most.</summary>
    public const int Capacity = 200_000;

    /// <summary>Texts longer than this are rarely repeated and are never pooled.</summary>
    public const int MaxLength = 64;

    private static readonly ConcurrentDictionary<string, string> Pool = new(StringComparer.Ordinal);
    private static int s_count;

    /// <summary>The shared instance equal to <paramref name="text"/>, or <paramref name="text"/> itself.</summary>
    public static string Share(string text)
    {
        if (text.Length > MaxLength)
        {
            return text;
        }

        if (Pool.TryGetValue(text, out var shared))
        {
            return shared;
        }

        if (Volatile.Read(ref s_count) >= Capacity)
        {
            return text;
        }

        // A counter of its own, because ConcurrentDictionary.Count takes every lock of the table.
        if (Pool.TryAdd(text, text))
        {
            Interlocked.Increment(ref s_count);
            return text;
        }

        return Pool.TryGetValue(text, out shared) ? shared : text;
    }
}
