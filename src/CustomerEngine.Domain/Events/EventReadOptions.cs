namespace CustomerEngine.Domain.Events;

/// <summary>Limits applied when reading events from producers.</summary>
public sealed record EventReadOptions
{
    /// <summary>How far ahead of the engine's clock an occurrence time may be (producers' clocks drift).</summary>
    public TimeSpan MaxFutureSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest id accepted (event, customer, anonymous, store, order, sku, complaint ids).</summary>
    public int MaxIdLength { get; init; } = 128;

    /// <summary>The earliest occurrence time accepted.</summary>
    public DateTimeOffset EarliestOccurredAt { get; init; } = DateTimeOffset.UnixEpoch;

    /// <summary>The longest free text accepted (names, comments, topics, attribute values, brands, categories).</summary>
    public int MaxTextLength { get; init; } = 1000;

    /// <summary>The most custom attributes one <c>customer.registered</c> may carry; keeps per-customer state small.</summary>
    public int MaxAttributes { get; init; } = 32;
}
