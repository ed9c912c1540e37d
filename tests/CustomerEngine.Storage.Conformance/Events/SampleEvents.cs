using System.Text;
using CustomerEngine.Storage.Events;

namespace CustomerEngine.Storage.Conformance.Events;

/// <summary>Events for the conformance tests.</summary>
public static class SampleEvents
{
    /// <summary>A fixed instant, with whole milliseconds so every provider can keep it exactly.</summary>
    public static readonly DateTimeOffset Origin = new(2025, 3, 1, 9, 30, 15, 123, TimeSpan.Zero);

    /// <summary>An event whose payload names its id, so payloads of different events differ.</summary>
    public static EventToAppend Event(string eventId, string streamKey, string type = "purchase", DateTimeOffset? occurredAt = null, string? payloadNote = null) =>
        new(eventId, streamKey, type, occurredAt ?? Origin, Payload(eventId, payloadNote));

    /// <summary>The payload <see cref="Event"/> gives an event.</summary>
    public static byte[] Payload(string eventId, string? payloadNote = null) =>
        Encoding.UTF8.GetBytes($$"""{"eventId":"{{eventId}}","note":"{{payloadNote ?? "original"}}"}""");
}
