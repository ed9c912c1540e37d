namespace CustomerEngine.Storage.Erasure;

/// <summary>
/// The audit record of one erasure: when, who asked, and how much was deleted. It holds no
/// personal data of the customer: no id, name or event, only an optional keyed digest.
/// </summary>
/// <param name="ErasureId">The erasure's id.</param>
/// <param name="ErasedAt">When it happened (UTC).</param>
/// <param name="RequestedBy">Who asked for it.</param>
/// <param name="SubjectDigest">The keyed digest of the customer id, or null when none was kept.</param>
/// <param name="StreamsErased">How many event streams were named (the customer's and its merged anonymous ones).</param>
/// <param name="EventsErased">Events deleted from the log.</param>
/// <param name="StatesErased">Grain-state records deleted.</param>
/// <param name="IndexEntriesErased">Customer index entries deleted.</param>
/// <param name="RemindersErased">Reminders deleted.</param>
/// <param name="LogPosition">The highest sequence in the log when the erasure ran: the streams' events up to it are gone, later ones were kept.</param>
public sealed record ErasureRecord(
    string ErasureId,
    DateTimeOffset ErasedAt,
    string RequestedBy,
    string? SubjectDigest,
    int StreamsErased,
    long EventsErased,
    int StatesErased,
    int IndexEntriesErased,
    int RemindersErased,
    long LogPosition);
