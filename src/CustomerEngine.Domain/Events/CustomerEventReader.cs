using System.Text.Json;

namespace CustomerEngine.Domain.Events;

/// <summary>Validates events posted by producers, one JSON element at a time.</summary>
public static class CustomerEventReader
{
    /// <summary>
    /// Reads and validates one event. Unknown properties are ignored so that producers can send
    /// more than the engine uses. A JSON null counts as an absent field.
    /// </summary>
    /// <param name="element">The event as posted.</param>
    /// <param name="now">The engine's clock, for rejecting occurrence times too far in the future.</param>
    /// <param name="options">Length and time limits.</param>
    /// <returns>The event, or the first field at fault and what is wrong with it.</returns>
    public static EventReadResult Read(JsonElement element, DateTimeOffset now, EventReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var parser = new EventElementParser(options, now);
        var e = parser.Parse(element);
        return e is not null
            ? EventReadResult.Valid(e)
            : EventReadResult.Invalid(parser.EventId, parser.Field, parser.Error ?? "is invalid");
    }
}
