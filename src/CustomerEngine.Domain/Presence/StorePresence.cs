namespace CustomerEngine.Domain.Presence;

/// <summary>
/// Who is in one store. Signals may arrive out of order, so each kept time only ever moves
/// forward, and a customer is present when their latest enter is later than their latest leave.
/// Serializable with System.Text.Json as is.
/// </summary>
public sealed class StorePresence
{
    /// <summary>Presence per customer id.</summary>
    public Dictionary<string, CustomerPresence> Customers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The latest departure <see cref="Prune"/> has forgotten:
    /// an enter or sighting no later than it, of a customer the store no longer holds, may belong
    /// before a forgotten departure, so it is ignored rather than counting the customer present.
    /// </summary>
    public DateTimeOffset? DeparturesForgottenThrough { get; set; }

    /// <summary>Records that the customer entered at <paramref name="at"/>.</summary>
    public void Enter(string customerId, DateTimeOffset at)
    {
        if (PredatesForgottenDeparture(customerId, at))
        {
            return;
        }

        var presence = Of(customerId);
        presence.EnteredAt = Latest(presence.EnteredAt, at);
        presence.LastSeenAt = Latest(presence.LastSeenAt, at);
    }

    /// <summary>Records that the customer left at <paramref name="at"/>; a leave older than the latest enter changes nothing.</summary>
    public void Leave(string customerId, DateTimeOffset at)
    {
        var presence = Of(customerId);
        presence.LeftAt = Latest(presence.LeftAt, at);
    }

    /// <summary>Records that the customer did something in the store at <paramref name="at"/>.</summary>
    public void Seen(string customerId, DateTimeOffset at)
    {
        if (PredatesForgottenDeparture(customerId, at))
        {
            return;
        }

        var presence = Of(customerId);
        presence.LastSeenAt = Latest(presence.LastSeenAt, at);
    }

    /// <summary>
    /// Takes in what another record of the same store holds (another node's, which saw other
    /// customers or other signals of the same ones): each kept time moves to the later of the two,
    /// so merging in any order, or twice, gives the same presence.
    /// </summary>
    public void Merge(StorePresence other)
    {
        ArgumentNullException.ThrowIfNull(other);
        DeparturesForgottenThrough = Latest(DeparturesForgottenThrough, other.DeparturesForgottenThrough);
        foreach (var (customerId, theirs) in other.Customers)
        {
            var presence = Of(customerId);
            presence.EnteredAt = Latest(presence.EnteredAt, theirs.EnteredAt);
            presence.LeftAt = Latest(presence.LeftAt, theirs.LeftAt);
            presence.LastSeenAt = Latest(presence.LastSeenAt, theirs.LastSeenAt);
        }
    }

    /// <summary>
    /// The customers who entered and have not left since, and were seen within
    /// <paramref name="timeout"/> of <paramref name="now"/> (a missed leave must not keep someone
    /// in the store forever); most recently seen first.
    /// </summary>
    public IReadOnlyList<PresentCustomer> Present(DateTimeOffset now, TimeSpan timeout)
    {
        var cutoff = now - timeout;
        var present = new List<PresentCustomer>();
        foreach (var (customerId, presence) in Customers)
        {
            if (InStore(presence) && presence.LastSeenAt >= cutoff)
            {
                present.Add(new PresentCustomer(customerId, presence.EnteredAt!.Value, presence.LastSeenAt!.Value));
            }
        }

        present.Sort((a, b) =>
        {
            var bySeen = b.LastSeenAt.CompareTo(a.LastSeenAt);
            return bySeen != 0 ? bySeen : string.CompareOrdinal(a.CustomerId, b.CustomerId);
        });
        return present;
    }

    /// <summary>True when the customer is among <see cref="Present"/> at <paramref name="now"/>.</summary>
    public bool IsPresent(string customerId, DateTimeOffset now, TimeSpan timeout) =>
        Customers.TryGetValue(customerId, out var presence) && InStore(presence) && presence.LastSeenAt >= now - timeout;

    /// <summary>
    /// The customers who entered and never left but were not seen within <paramref name="timeout"/>
    /// of <paramref name="now"/>: they left without a <c>store.left</c>. <see cref="Prune"/> forgets
    /// them, so each time-out is reported until the next prune only.
    /// </summary>
    public IReadOnlyList<string> TimedOut(DateTimeOffset now, TimeSpan timeout)
    {
        var cutoff = now - timeout;
        return [.. Customers.Where(c => InStore(c.Value) && c.Value.LastSeenAt < cutoff).Select(c => c.Key)];
    }

    /// <summary>
    /// Forgets customers with no signal within <paramref name="timeout"/> of <paramref name="now"/>:
    /// they cannot be present any more, and a late signal older than that cannot make them present
    /// again. Those who are not in the store (they left, or were only seen) are forgotten sooner,
    /// with no signal within <paramref name="retention"/> (the whole time-out when null): the record
    /// then holds about the customers present rather than everyone of the last
    /// <paramref name="timeout"/>. The latest departure forgotten early is kept in
    /// <see cref="DeparturesForgottenThrough"/>, so a late enter that would belong before it still
    /// cannot bring the customer back.
    /// </summary>
    public void Prune(DateTimeOffset now, TimeSpan timeout, TimeSpan? retention = null)
    {
        var cutoff = now - timeout;
        var absentCutoff = now - (retention < timeout ? retention.Value : timeout);
        List<string>? stale = null;
        foreach (var (customerId, presence) in Customers)
        {
            var latest = Latest(Latest(presence.EnteredAt, presence.LeftAt), presence.LastSeenAt);
            if (latest >= cutoff && (InStore(presence) || latest >= absentCutoff))
            {
                continue;
            }

            if (latest >= cutoff)
            {
                // Forgotten before its time-out could: remember what it said about late signals.
                DeparturesForgottenThrough = Latest(DeparturesForgottenThrough, presence.LeftAt);
            }

            (stale ??= []).Add(customerId);
        }

        foreach (var customerId in stale ?? [])
        {
            Customers.Remove(customerId);
        }
    }

    // Entered and not left since; whether the time-out passed is the caller's second question.
    private static bool InStore(CustomerPresence presence) =>
        presence is { EnteredAt: { } entered, LastSeenAt: not null } && (presence.LeftAt is not { } left || left < entered);

    private bool PredatesForgottenDeparture(string customerId, DateTimeOffset at) =>
        at <= DeparturesForgottenThrough && !Customers.ContainsKey(customerId);

    private CustomerPresence Of(string customerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        if (!Customers.TryGetValue(customerId, out var presence))
        {
            presence = new CustomerPresence();
            Customers[customerId] = presence;
        }

        return presence;
    }

    private static DateTimeOffset? Latest(DateTimeOffset? kept, DateTimeOffset? incoming) =>
        kept is not { } k ? incoming
        : incoming is not { } i ? k
        : i > k ? i : k;
}
