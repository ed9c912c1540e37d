using System.Diagnostics;
using CustomerEngine.Domain.Lifecycle;
using CustomerEngine.Domain.Satisfaction;
using CustomerEngine.Domain.Value;
using CustomerEngine.Grains.Customers;
using CustomerEngine.Grains.Engagement;
using CustomerEngine.Grains.Presence;
using CustomerEngine.Grains.Value;
using CustomerEngine.Host.Ingestion;
using CustomerEngine.Storage.Customers;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Host.Overview;

/// <summary>
/// Puts an <see cref="OverviewSnapshot"/> together from the live counters (event rate, store
/// presence, outcomes) and the customer index. Counting the index scans it, so the counts are
/// shared by every caller and re-read only when older than the interval
/// <see cref="OverviewOptions"/> allows; one read at a time, whoever asks.
/// </summary>
public sealed class OverviewSnapshotReader(
    ICustomerIndex index,
    AcceptedEventRate events,
    StorePresenceDirectory presence,
    OutcomeTally outcomes,
    LifetimeValueSnapshot lifetimeValues,
    TimeProvider clock,
    IOptions<OverviewOptions> options)
{
    private static readonly string[] SegmentKindOrder = [SegmentNpsCount.PriceSensitivity, SegmentNpsCount.Loyalty, SegmentNpsCount.Channel];
    private static readonly string Promoter = ApiName.Of(NpsCategory.Promoter);
    private static readonly string Passive = ApiName.Of(NpsCategory.Passive);
    private static readonly string Detractor = ApiName.Of(NpsCategory.Detractor);

    private readonly SemaphoreSlim _counting = new(1, 1);
    private volatile CountedBase? _counted;

    /// <summary>The overview now; the customer counts may be up to the allowed interval old.</summary>
    public async Task<OverviewSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var counted = await CountsAsync(cancellationToken);
        var counts = counted.Counts;
        var rate = events.Read();
        var stores = presence.Read().Select(p => new StorePresentCount(p.Key, p.Value)).ToList();
        var acceptance = outcomes.Read()
            .Select(o => new ActionAcceptance(o.Kind, o.Presented, o.Accepted, o.Dismissed, RateOf(o.Accepted, o.Dismissed)))
            .ToList();
        return new OverviewSnapshot(
            At: clock.GetUtcNow(),
            EventsPerSecond: Math.Round(rate.PerSecond, 1),
            EventsLastMinute: rate.LastMinute,
            EventsPerSecondHistory: rate.History,
            CustomersInStores: stores.Sum(s => (long)s.Present),
            Stores: stores,
            TotalCustomers: counts.Total,
            Lifecycle: new LifecycleCounts(
                Stage(counts, LifecycleStage.Prospect),
                Stage(counts, LifecycleStage.New),
                Stage(counts, LifecycleStage.Active),
                Stage(counts, LifecycleStage.AtRisk),
                Stage(counts, LifecycleStage.Churned),
                Stage(counts, LifecycleStage.WonBack)),
            Tiers: new TierCounts(Tier(counts, ValueTier.High), Tier(counts, ValueTier.Medium), Tier(counts, ValueTier.Low), counts.WithoutTier),
            AcceptanceRate: RateOf(acceptance.Sum(a => a.Accepted), acceptance.Sum(a => a.Dismissed)),
            Acceptance: acceptance,
            NpsBySegment: NpsBySegment(counts.NpsBySegment),
            LifetimeValue: lifetimeValues.Current,
            CountedAt: counted.At);
    }

    private async Task<CountedBase> CountsAsync(CancellationToken cancellationToken)
    {
        if (Fresh(_counted) is { } fresh)
        {
            return fresh;
        }

        await _counting.WaitAsync(cancellationToken);
        try
        {
            // Whoever waited behind a read uses its result instead of scanning again.
            if (Fresh(_counted) is { } justCounted)
            {
                return justCounted;
            }

            var started = Stopwatch.GetTimestamp();
            var counts = await index.CountCustomersAsync(cancellationToken);
            var took = Stopwatch.GetElapsedTime(started);
            var settings = options.Value;
            var validFor = settings.CountsMaxShare > 0 ? TimeSpan.FromTicks((long)(took.Ticks / settings.CountsMaxShare)) : TimeSpan.Zero;
            var counted = new CountedBase(counts, clock.GetUtcNow(), Stopwatch.GetTimestamp(), validFor > settings.CountsMinInterval ? validFor : settings.CountsMinInterval);
            _counted = counted;
            return counted;
        }
        finally
        {
            _counting.Release();
        }
    }

    // Ages are measured on the stopwatch, not the engine clock: they bound the cost of scanning,
    // which is real time whatever the engine's clock says (tests freeze it).
    private static CountedBase? Fresh(CountedBase? counted) =>
        counted is not null && Stopwatch.GetElapsedTime(counted.Timestamp) < counted.ValidFor ? counted : null;

    private static long Stage(CustomerCounts counts, LifecycleStage stage) => counts.ByStage.GetValueOrDefault(ApiName.Of(stage));

    private static long Tier(CustomerCounts counts, ValueTier tier) => counts.ByTier.GetValueOrDefault(ApiName.Of(tier));

    private static double? RateOf(long accepted, long dismissed) =>
        accepted + dismissed == 0 ? null : Math.Round((double)accepted / (accepted + dismissed), 4);

    private static List<SegmentNps> NpsBySegment(IReadOnlyList<SegmentNpsCount> counts) =>
        [.. counts
            .GroupBy(c => (c.SegmentKind, c.Segment))
            .Select(g =>
            {
                long Of(string category) => g.Where(c => c.NpsCategory == category).Sum(c => c.Customers);
                var (promoters, passives, detractors) = (Of(Promoter), Of(Passive), Of(Detractor));
                var respondents = promoters + passives + detractors;
                var nps = respondents == 0 ? 0 : (int)Math.Round(100.0 * (promoters - detractors) / respondents, MidpointRounding.AwayFromZero);
                return new SegmentNps(g.Key.SegmentKind, g.Key.Segment, promoters, passives, detractors, nps);
            })
            .OrderBy(s => Array.IndexOf(SegmentKindOrder, s.SegmentKind) is var i and >= 0 ? i : int.MaxValue)
            .ThenBy(s => s.SegmentKind, StringComparer.Ordinal)
            .ThenBy(s => s.Segment, StringComparer.Ordinal)];

    private sealed record CountedBase(CustomerCounts Counts, DateTimeOffset At, long Timestamp, TimeSpan ValidFor);
}
