namespace CustomerEngine.Storage.Erasure;

/// <summary>
/// Erases everything the store holds about one customer in one transaction, and keeps an audit
/// record of each erasure that holds no personal data.
/// </summary>
public interface ICustomerErasure
{
    /// <summary>
    /// In one transaction: deletes the events of <see cref="CustomerErasureRequest.StreamKeys"/>,
    /// the customer index entries with those ids, the grain state and reminders of the grains of
    /// <see cref="CustomerErasureRequest.GrainTypes"/> keyed by them, and adds an
    /// <see cref="ErasureRecord"/>. Either all of it happens or none of it does. Events appended
    /// after the erasure (a sequence above <see cref="ErasureRecord.LogPosition"/>) are kept.
    /// </summary>
    /// <returns>The audit record as stored, with what was deleted.</returns>
    /// <exception cref="ArgumentException">The request has no stream key, an empty key or type, no erasure id or no requester.</exception>
    Task<ErasureRecord> EraseCustomerAsync(CustomerErasureRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// The newest <paramref name="limit"/> audit records, newest first (ties by erasure id); only
    /// those with <paramref name="subjectDigest"/> when it is given.
    /// </summary>
    Task<IReadOnlyList<ErasureRecord>> ReadErasuresAsync(string? subjectDigest, int limit, CancellationToken cancellationToken = default);
}
