using System.Buffers;
using System.Text.Json;

namespace CustomerEngine.Domain.Events;

/// <summary>
/// The stored form of an event. It is exactly the wire form, so a stored event can be re-posted
/// as is, and reading it back goes through the same validation as ingestion (minus the limits
/// that depend on the clock or configuration, which were checked when it was accepted).
/// </summary>
public static class CustomerEventJson
{
    private static readonly EventReadOptions StoredEventOptions = new();

    // Every accepted event is serialized once on the ingest path; a buffer and writer per thread,
    // reset between events, leave the returned array as the only allocation.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>The event as UTF-8 JSON in the wire form.</summary>
    public static byte[] Serialize(CustomerEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        try
        {
            Write(writer, e);
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
        }
    }

    /// <summary>Reads an event written by <see cref="Serialize"/>.</summary>
    /// <exception cref="JsonException">The bytes are not a valid event; the message names the field at fault.</exception>
    public static CustomerEvent Deserialize(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        using var document = JsonDocument.ParseValue(ref reader);
        var parser = new EventElementParser(StoredEventOptions, now: null);
        return parser.Parse(document.RootElement)
            ?? throw new JsonException($"Stored event {parser.EventId ?? "(no id)"} is invalid: {parser.Field} {parser.Error}".Trim());
    }

    /// <summary>Writes the event as one JSON object in the wire form.</summary>
    public static void Write(Utf8JsonWriter writer, CustomerEvent e)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(e);
        writer.WriteStartObject();
        writer.WriteString("eventId", e.EventId);
        WriteOptional(writer, "customerId", e.CustomerId);
        WriteOptional(writer, "anonymousId", e.AnonymousId);
        writer.WriteString("type", e.Type);
        Span<char> occurredAt = stackalloc char[Rfc3339.MaxLength];
        Rfc3339.TryFormat(e.OccurredAt, occurredAt, out var written);
        writer.WriteString("occurredAt", occurredAt[..written]);
        WriteOptional(writer, "storeId", e.StoreId);
        if (e.Channel is { } channel)
        {
            writer.WriteString("channel", ChannelName(channel));
        }

        writer.WritePropertyName("data");
        WriteData(writer, e.Data);
        writer.WriteEndObject();
    }

    private static void WriteData(Utf8JsonWriter writer, EventData data)
    {
        writer.WriteStartObject();
        switch (data)
        {
            case CustomerRegistered r:
                WriteOptional(writer, "name", r.Name);
                writer.WriteString("kind", r.Kind == CustomerKind.Organization ? "organization" : "individual");
                WriteOptional(writer, "homeStoreId", r.HomeStoreId);
                if (r.Attributes.Count > 0)
                {
                    writer.WriteStartObject("attributes");
                    foreach (var (key, value) in r.Attributes)
                    {
                        writer.WriteString(key, value);
                    }

                    writer.WriteEndObject();
                }

                break;
            case CustomerIdentified i:
                writer.WriteString("anonymousId", i.AnonymousId);
                break;
            case StoreEntered or StoreLeft:
                break;
            case ProductViewed v:
                writer.WriteString("sku", v.Sku);
                WriteOptional(writer, "category", v.Category);
                WriteOptional(writer, "brand", v.Brand);
                WriteOptional(writer, "price", v.Price);
                break;
            case CartAdded c:
                writer.WriteString("sku", c.Sku);
                WriteOptional(writer, "category", c.Category);
                WriteOptional(writer, "brand", c.Brand);
                WriteOptional(writer, "price", c.Price);
                writer.WriteNumber("quantity", c.Quantity);
                break;
            case Purchase p:
                writer.WriteString("orderId", p.OrderId);
                writer.WriteStartArray("items");
                foreach (var item in p.Items)
                {
                    writer.WriteStartObject();
                    writer.WriteString("sku", item.Sku);
                    WriteOptional(writer, "category", item.Category);
                    WriteOptional(writer, "brand", item.Brand);
                    writer.WriteNumber("price", item.Price);
                    writer.WriteNumber("quantity", item.Quantity);
                    writer.WriteNumber("discount", item.Discount);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteNumber("total", p.Total);
                break;
            case ProductReturned r:
                writer.WriteString("orderId", r.OrderId);
                writer.WriteString("sku", r.Sku);
                writer.WriteNumber("amount", r.Amount);
                break;
            case FeedbackGiven f:
                if (f.Nps is { } nps)
                {
                    writer.WriteNumber("nps", nps);
                }

                if (f.Ces is { } ces)
                {
                    writer.WriteNumber("ces", ces);
                }

                WriteOptional(writer, "comment", f.Comment);
                break;
            case ComplaintOpened o:
                writer.WriteString("complaintId", o.ComplaintId);
                WriteOptional(writer, "topic", o.Topic);
                WriteOptional(writer, "severity", o.Severity);
                break;
            case ComplaintResolved r:
                writer.WriteString("complaintId", r.ComplaintId);
                break;
            case ConsentChanged c:
                writer.WriteString("channel", c.Channel);
                WriteOptional(writer, "purpose", c.Purpose);
                writer.WriteBoolean("granted", c.Granted);
                break;
            case SuggestionOutcomeRecorded o:
                writer.WriteString("suggestionId", o.SuggestionId);
                writer.WriteString("actionId", o.ActionId);
                writer.WriteString("kind", o.Kind);
                writer.WriteString("outcome", o.Outcome);
                WriteOptional(writer, "reason", o.Reason);
                break;
            default:
                throw new ArgumentException("Unknown event data " + data.GetType().Name, nameof(data));
        }

        writer.WriteEndObject();
    }

    private static string ChannelName(EventChannel channel) => channel switch
    {
        EventChannel.Store => "store",
        EventChannel.Online => "online",
        EventChannel.App => "app",
        EventChannel.CallCenter => "callcenter",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown channel."),
    };

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, decimal? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }
}
