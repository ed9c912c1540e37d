using System.Collections.Concurrent;
using CustomerEngine.Domain.Events;

namespace CustomerEngine.Domain.Customers;

/// <summary>
/// Small numbers for event type names, so that a recent interaction keeps two bytes instead of an
/// eight-byte reference (twenty per customer). The known types of <see cref="EventTypes"/> have
/// fixed codes; any other name (only possible through direct construction or an old snapshot) is
/// given the next free code for the life of the process.
/// </summary>
internal static class EventTypeCodes
{
    private static readonly Lock RegistryLock = new();
    // Read without the lock on every fold step; the lock only orders registrations.
    private static readonly ConcurrentDictionary<string, ushort> CodesByName = new(StringComparer.Ordinal);
    private static volatile string[] s_namesByCode =
    [
        EventTypes.CustomerRegistered,
        EventTypes.CustomerIdentified,
        EventTypes.StoreEntered,
        EventTypes.StoreLeft,
        EventTypes.ProductViewed,
        EventTypes.CartAdded,
        EventTypes.Purchase,
        EventTypes.Return,
        EventTypes.Feedback,
        EventTypes.ComplaintOpened,
        EventTypes.ComplaintResolved,
        EventTypes.ConsentChanged,
        EventTypes.SuggestionOutcome,
    ];

    static EventTypeCodes()
    {
        var names = s_namesByCode;
        for (var i = 0; i < names.Length; i++)
        {
            CodesByName[names[i]] = (ushort)i;
        }
    }

    /// <summary>The code of <paramref name="type"/>, registering it when it is not known yet.</summary>
    /// <exception cref="InvalidOperationException">More distinct type names than a code can tell apart.</exception>
    public static ushort Of(string type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (CodesByName.TryGetValue(type, out var known))
        {
            return known;
        }

        lock (RegistryLock)
        {
            if (CodesByName.TryGetValue(type, out var code))
            {
                return code;
            }

            var names = s_namesByCode;
            if (names.Length > ushort.MaxValue)
            {
                throw new InvalidOperationException($"More than {ushort.MaxValue + 1} distinct event types; {type} cannot be recorded.");
            }

            // The name is published before its code, so a reader that finds the code finds the name.
            code = (ushort)names.Length;
            s_namesByCode = [.. names, type];
            CodesByName[type] = code;
            return code;
        }
    }

    /// <summary>The type name of a code given by <see cref="Of"/>; the shared instance, never a copy.</summary>
    public static string NameOf(ushort code) => s_namesByCode[code];
}
