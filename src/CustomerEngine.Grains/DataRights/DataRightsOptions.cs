namespace CustomerEngine.Grains.DataRights;

/// <summary>Customers' data rights (section <c>DataRights</c>).</summary>
public sealed class DataRightsOptions
{
    /// <summary>
    /// The secret that keys the digest of an erased customer's id kept in the audit record, so an
    /// admin who knows an id can find its erasure. At least 32 characters; keep it out of the
    /// database (a copy of the database alone must not be enough to test guessed ids). When it is
    /// not set, no digest is kept and erasures cannot be looked up by customer id.
    /// </summary>
    public string? ErasureKey { get; set; }
}
