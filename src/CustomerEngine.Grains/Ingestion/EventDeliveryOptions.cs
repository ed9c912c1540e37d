namespace CustomerEngine.Grains.Ingestion;

/// <summary>When the ingest API answers, relative to the customer grains applying the events.</summary>
public sealed class EventDeliveryOptions
{
    /// <summary>
    /// When false (the default) a batch is answered once it is durable and queued in its customers'
    /// mailboxes; the grains apply it right after. A later call to the same customer queues behind
    /// those events, so reads through the grain still see them. When true the answer also waits
    /// until every grain has applied the batch.
    /// </summary>
    public bool WaitForGrains { get; set; }

    /// <summary>
    /// Events acknowledged but not yet applied, at most. Past it, a batch waits for its own grains
    /// before it is answered, so the in-flight request bound (and its 429) keeps holding.
    /// </summary>
    public int MaxQueuedEvents { get; set; } = 20_000;
}
