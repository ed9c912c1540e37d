using CustomerEngine.Storage.Erasure;

namespace CustomerEngine.Host.DataRights;

/// <summary>An erasure's audit record as the API returns it: no personal data, and not the digest either.</summary>
/// <param name="ErasureId">The erasure's id.</param>
/// <param name="ErasedAt">When it happened.</param>
/// <param name="RequestedBy">The admin (or admin key) who asked for it.</param>
/// <param name="Streams">Event streams erased: the customer's and the anonymous histories merged into it.</param>
/// <param name="Events">Events deleted from the log.</param>
/// <param name="States">Grain-state records deleted.</param>
/// <param name="IndexEntries">Customer index entries deleted.</param>
/// <param name="Reminders">Reminders deleted.</param>
/// <param name="LogPosition">The log's highest sequence at the erasure.</param>
public sealed record ErasureView(
    string ErasureId,
    DateTimeOffset ErasedAt,
    string RequestedBy,
    int Streams,
    long Events,
    int States,
    int IndexEntries,
    int Reminders,
    long LogPosition)
{
    /// <summary>The view of a stored record.</summary>
    public static ErasureView From(ErasureRecord record) => new(
        record.ErasureId, record.ErasedAt, record.RequestedBy, record.StreamsErased, record.EventsErased,
        record.StatesErased, record.IndexEntriesErased, record.RemindersErased, record.LogPosition);
}
