using CustomerEngine.Domain.Value;
namespace CustomerEngine.Host.Overview;

/// <summary>
/// The live overview for managers and marketing: what <c>GET /api/overview</c> returns and
/// <c>OverviewUpdated</c> pushes. Rates and presence are live; the counts of the customer base
/// come from the customer index, which trails the grains by up to its flush interval, and are
/// re-read at most as often as <see cref="OverviewOptions"/> allows (<see cref="CountedAt"/>).
/// </summary>
/// <param name="At">When the snapshot was taken (engine clock).</param>
/// <param name="EventsPerSecond">Accepted events per second over the last 10 whole seconds.</param>
/// <param name="EventsLastMinute">Events accepted in the last minute.</param>
/// <param name="EventsPerSecondHistory">Events accepted in each of the last 300 whole seconds, oldest first (the sparkline).</param>
/// <param name="CustomersInStores">Customers present in any store.</param>
/// <param name="Stores">Customers present per store, for every store seen since the engine started.</param>
/// <param name="TotalCustomers">Customers in the index (anonymous visitors included).</param>
/// <param name="Lifecycle">Customers per lifecycle stage.</param>
/// <param name="Tiers">Customers per value tier.</param>
/// <param name="AcceptanceRate">Accepted / (accepted + dismissed) over every kind; null before any outcome.</param>
/// <param name="Acceptance">Suggestion outcomes per action kind since the engine started.</param>
/// <param name="NpsBySegment">Net Promoter Score per behaviour segment.</param>
/// <param name="CountedAt">When the customer-base counts (<paramref name="TotalCustomers"/>, lifecycle, tiers, NPS) were read.</param>
public sealed record OverviewSnapshot(
    DateTimeOffset At,
    double EventsPerSecond,
    long EventsLastMinute,
    IReadOnlyList<long> EventsPerSecondHistory,
    long CustomersInStores,
    IReadOnlyList<StorePresentCount> Stores,
    long TotalCustomers,
    LifecycleCounts Lifecycle,
    TierCounts Tiers,
    double? AcceptanceRate,
    IReadOnlyList<ActionAcceptance> Acceptance,
    IReadOnlyList<SegmentNps> NpsBySegment,
    LifetimeValueHistogram? LifetimeValue,
    DateTimeOffset CountedAt);
