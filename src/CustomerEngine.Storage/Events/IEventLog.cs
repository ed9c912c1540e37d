namespace CustomerEngine.Storage.Events;

/// <summary>
/// The durable, append-only log of every accepted customer event: the engine's source of truth.
/// Grain state is a cache that can always be rebuilt from it.
/// </summary>
public interface IEventLog
{
    /// <summary>
    /// Appends a batch durably. When the returned task completes, every appended event survives a
    /// crash of the process. An event id already stored, or seen earlier in the same batch, is a
    /// duplicate: it is not stored again and its outcome has no sequence.
    /// </summary>
    /// <returns>One outcome per input, in input order.</returns>
    Task<IReadOnlyList<AppendOutcome>> AppendAsync(IReadOnlyList<EventToAppend> events, CancellationToken cancellationToken = default);

    /// <summary>The events of the given streams with a sequence greater than <paramref name="afterSequence"/>, ordered by sequence.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadStreamsAsync(IReadOnlyCollection<string> streamKeys, long afterSequence, CancellationToken cancellationToken = default);

    /// <summary>
    /// How many events the given streams hold and their highest sequence. A grain compares this
    /// with its snapshot on activation to find out whether the snapshot missed any event.
    /// </summary>
    Task<StreamStats> ReadStreamStatsAsync(IReadOnlyCollection<string> streamKeys, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="limit"/> events of one <paramref name="type"/> with a sequence greater
    /// than <paramref name="afterSequence"/>, ordered by sequence: a page of a walk through the whole
    /// log by type (backfills of engine-wide models). Pass the last sequence returned to read the
    /// next page; a page shorter than <paramref name="limit"/> reached the end of the log as it was
    /// when read. What a page holds is a prefix of the log: when it returns an event, every
    /// earlier event of that type that will ever be stored is already stored.
    /// </summary>
    /// <remarks>Providers may read every event after <paramref name="afterSequence"/> to find those of the type (no index by type is required).</remarks>
    Task<IReadOnlyList<StoredEvent>> ScanAsync(string type, long afterSequence, int limit, CancellationToken cancellationToken = default);

    /// <summary>The number of events stored.</summary>
    Task<long> CountAsync(CancellationToken cancellationToken = default);
}
