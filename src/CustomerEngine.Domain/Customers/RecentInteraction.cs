using CustomerEngine.Domain.Events;

namespace CustomerEngine.Domain.Customers;

/// <summary>
/// One line of the customer's recent activity. A struct with a short summary rather than the
/// whole event, because every active customer keeps a list of these in memory: the event id is
/// packed inline (<see cref="CompactEventId"/>), the occurrence time is kept as UTC ticks and an
/// offset, the type as a small code, and the summary and store id are shared instances rather
/// than copies. 48 bytes a line.
/// </summary>
public readonly record struct RecentInteraction
{
    private readonly ulong _idLow;
    private readonly ulong _idHigh;
    private readonly long _occurredUtcTicks;
    private readonly string? _storeId;

    // The summary, or the rare pair of summary and an event id that could not be packed: one
    // reference for both keeps a line at 48 bytes rather than 56.
    private readonly object? _text;

    // A DateTimeOffset or a nullable enum field would each take 16 or 8 bytes with padding, and a
    // type name 8 for its reference; these fit beside each other in 6.
    private readonly short _offsetMinutes;
    private readonly ushort _typeCode;
    private readonly byte _channelPlusOne;
    private readonly byte _idMode;

    /// <summary>Creates a line of recent activity.</summary>
    public RecentInteraction(string eventId, string type, DateTimeOffset occurredAt, string? storeId, EventChannel? channel, string summary)
    {
        _idMode = CompactEventId.Pack(eventId, out _idLow, out _idHigh);
        _typeCode = EventTypeCodes.Of(type);
        _occurredUtcTicks = occurredAt.UtcTicks;
        _offsetMinutes = (short)occurredAt.TotalOffsetMinutes;
        _storeId = storeId;
        _channelPlusOne = ChannelCode(channel);
        _text = TextOf(InteractionSummary.Canonical(summary), eventId, _idMode);
    }

    /// <summary>The id of the event.</summary>
    public string EventId
    {
        get => _text is SpilledText spilled ? spilled.EventId : CompactEventId.Unpack(_idLow, _idHigh, _idMode);
        init
        {
            var summary = SummaryOrNull;
            _idMode = CompactEventId.Pack(value, out _idLow, out _idHigh);
            _text = TextOf(summary, value, _idMode);
        }
    }

    /// <summary>The event type (one of <see cref="EventTypes"/>).</summary>
    public string Type
    {
        get => EventTypeCodes.NameOf(_typeCode);
        init => _typeCode = EventTypeCodes.Of(value);
    }

    /// <summary>When the event occurred, with the offset it was reported in.</summary>
    public DateTimeOffset OccurredAt
    {
        get => new DateTimeOffset(_occurredUtcTicks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(_offsetMinutes));
        init
        {
            _occurredUtcTicks = value.UtcTicks;
            _offsetMinutes = (short)value.TotalOffsetMinutes;
        }
    }

    /// <summary>The store the event named, if any.</summary>
    public string? StoreId
    {
        get => _storeId;
        init => _storeId = value;
    }

    /// <summary>The channel the event came through, if known.</summary>
    public EventChannel? Channel
    {
        get => _channelPlusOne == 0 ? null : (EventChannel)(_channelPlusOne - 1);
        init => _channelPlusOne = ChannelCode(value);
    }

    /// <summary>A one-line, human-readable account of the interaction.</summary>
    public string Summary
    {
        get => SummaryOrNull!;
        init => _text = TextOf(InteractionSummary.Canonical(value), (_text as SpilledText)?.EventId, _idMode);
    }

    private string? SummaryOrNull => _text is SpilledText spilled ? spilled.Summary : (string?)_text;

    private static object? TextOf(string? summary, string? eventId, byte idMode) =>
        idMode == CompactEventId.Unpackable ? new SpilledText(summary, eventId!) : summary;

    private static byte ChannelCode(EventChannel? channel) => channel is { } known ? checked((byte)((int)known + 1)) : (byte)0;

    // An id that could not be packed, kept with the summary it shares the reference with.
    private sealed record SpilledText(string? Summary, string EventId);
}
