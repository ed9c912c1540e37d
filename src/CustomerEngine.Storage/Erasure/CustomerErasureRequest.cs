namespace CustomerEngine.Storage.Erasure;

/// <summary>What to erase of one customer (see <see cref="ICustomerErasure.EraseCustomerAsync"/>).</summary>
/// <param name="ErasureId">A new, unique id for the audit record.</param>
/// <param name="ErasedAt">When the erasure happens; kept in the audit record (to the millisecond at least, in UTC).</param>
/// <param name="RequestedBy">Who asked for it (the admin's name or key name); kept in the audit record.</param>
/// <param name="SubjectDigest">
/// A keyed digest of the customer id that lets the erasure be found again by someone who knows the
/// id and the key, or null to keep none. Never the id itself.
/// </param>
/// <param name="StreamKeys">
/// The customer's event streams: its own id and the anonymous streams merged into it. They are
/// also the keys of the customer's index entries and grains.
/// </param>
/// <param name="GrainTypes">The grain types (stored names) whose state and reminders keyed by a stream key are the customer's.</param>
public sealed record CustomerErasureRequest(
    string ErasureId,
    DateTimeOffset ErasedAt,
    string RequestedBy,
    string? SubjectDigest,
    IReadOnlyList<string> StreamKeys,
    IReadOnlyList<string> GrainTypes)
{
    /// <summary>Throws <see cref="ArgumentException"/> when the request cannot be carried out as given.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(ErasureId, nameof(ErasureId));
        ArgumentException.ThrowIfNullOrEmpty(RequestedBy, nameof(RequestedBy));
        if (StreamKeys is null || StreamKeys.Count == 0)
        {
            throw new ArgumentException("An erasure names at least one stream key.", nameof(StreamKeys));
        }

        if (StreamKeys.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("Stream keys cannot be empty.", nameof(StreamKeys));
        }

        if (GrainTypes is null || GrainTypes.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("Grain types cannot be missing or empty.", nameof(GrainTypes));
        }
    }
}
