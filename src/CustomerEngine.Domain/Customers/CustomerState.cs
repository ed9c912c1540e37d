using CustomerEngine.Domain.Events;
using CustomerEngine.Domain.Lifecycle;
using CustomerEngine.Domain.Satisfaction;
using CustomerEngine.Domain.Segments;

namespace CustomerEngine.Domain.Customers;

/// <summary>
/// Everything the engine knows about one customer, folded from their events by
/// <see cref="CustomerEvolver"/>. Mutable and owned by a single grain; serializable with
/// System.Text.Json as is. Kept deliberately small (running totals, structs, a capped recent list)
/// because every active customer holds one in memory.
/// </summary>
public sealed class CustomerState
{
    private List<RecentInteraction> _recent = [];
    private string? _lastStoreId;
    private OptionalTime _lastAppliedAt;

    /// <summary>The customer id, or <c>anon:{anonymousId}</c> for an anonymous visitor.</summary>
    public string CustomerId { get; set; } = string.Empty;

    /// <summary>True for an anonymous visitor's stream: a potential customer.</summary>
    public bool IsAnonymous { get; set; }

    /// <summary>The registered name.</summary>
    public string? Name { get; set; }

    /// <summary>Consumer or organisation; a visitor is taken for a consumer until registered otherwise.</summary>
    public CustomerKind Kind { get; set; } = CustomerKind.Individual;

    /// <summary>The store the customer registered with.</summary>
    public string? HomeStoreId { get; set; }

    /// <summary>Custom attributes (e.g. "segment": "entrepreneur"), merged over registrations.</summary>
    public Dictionary<string, string> Attributes { get; set; } = [];

    /// <summary>The store of the customer's latest event that named a store.</summary>
    public string? LastStoreId
    {
        get => _lastStoreId;
        set => _lastStoreId = SharedStoreId(value);
    }

    /// <summary>The anonymous visitor ids that identified as this customer, each once.</summary>
    public List<string> MergedAnonymousIds { get; set; } = [];

    /// <summary>The lifecycle stage and its history.</summary>
    public CustomerLifecycle Lifecycle { get; set; } = new();

    /// <summary>Purchase and visit totals.</summary>
    public CustomerStats Stats { get; set; } = new();

    /// <summary>The totals behind the behaviour segments.</summary>
    public SegmentInputs SegmentInputs { get; set; } = new();

    /// <summary>Feedback scores and complaints.</summary>
    public CustomerSatisfaction Satisfaction { get; set; } = new();

    /// <summary>The latest consent decision per contact channel and purpose.</summary>
    public List<ConsentRecord> Consent { get; set; } = [];

    /// <summary>The latest interactions, newest first, capped at <see cref="CustomerRules.RecentDepth"/>.</summary>
    public List<RecentInteraction> Recent
    {
        get => _recent;

        // A list read back from storage grows by doubling and would keep idle slots, and each of
        // its entries would hold its own copy of the same few store ids.
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            value.TrimExcess();
            string? previous = null;
            for (var i = 0; i < value.Count; i++)
            {
                if (value[i].StoreId is not { } storeId)
                {
                    continue;
                }

                var shared = storeId == previous ? previous : SharedStoreId(storeId)!;
                if (!ReferenceEquals(shared, storeId))
                {
                    value[i] = value[i] with { StoreId = shared };
                }

                previous = shared;
            }

            _recent = value;
        }
    }

    /// <summary>Occurrence time of the last applied event (first half of the ordering watermark).</summary>
    public DateTimeOffset? LastAppliedAt
    {
        get => _lastAppliedAt.Value;
        set => _lastAppliedAt = new(value);
    }

    /// <summary>Log sequence of the last applied event (second half of the ordering watermark).</summary>
    public long LastAppliedSequence { get; set; }

    /// <summary>The highest log sequence applied, for incremental catch-up from the log.</summary>
    public long MaxSequence { get; set; }

    /// <summary>
    /// The <see cref="CustomerEvolver.FoldVersion"/> that built this state. A snapshot from an older fold lacks
    /// what newer folds keep (0 when it predates versioning), so its owner rebuilds it from the log.
    /// </summary>
    public int FoldVersion { get; set; }

    /// <summary>
    /// The instance of <paramref name="storeId"/> the state already holds, or else the one shared
    /// by every customer (a few hundred stores, a million customers).
    /// </summary>
    public string? SharedStoreId(string? storeId) =>
        storeId is null ? null
        : storeId == _lastStoreId ? _lastStoreId
        : storeId == HomeStoreId ? HomeStoreId
        : SharedStringPool.CustomerTexts.Share(storeId);
}
