namespace CustomerEngine.Domain.Value;

/// <summary>
/// The shape of the whole customer base's value: the RFM quintile cut points and the tier
/// thresholds. Computed now and then over every customer with a purchase, then used to score one
/// customer at a time, so a single customer's tier agrees with a ranking of the whole base. Tiers
/// rank the RFM composite until a value model exists; then they rank lifetime value (DOMAIN.md §3,
/// see <see cref="WithLifetimeValueTiers"/>).
/// </summary>
public sealed class ValueDistribution
{
    private static readonly int[] NoIntCuts = [];
    private static readonly decimal[] NoDecimalCuts = [];

    private readonly int[] _recencyDayCuts;
    private readonly int[] _frequencyCuts;
    private readonly decimal[] _monetaryCuts;

    private ValueDistribution(
        DateTimeOffset asOf, int customerCount, int[] recencyDayCuts, int[] frequencyCuts, decimal[] monetaryCuts, ValueRank? highTierFloor, ValueRank? lowTierCeiling)
    {
        AsOf = asOf;
        CustomerCount = customerCount;
        _recencyDayCuts = recencyDayCuts;
        _frequencyCuts = frequencyCuts;
        _monetaryCuts = monetaryCuts;
        HighTierFloor = highTierFloor;
        LowTierCeiling = lowTierCeiling;
    }

    /// <summary>
    /// No knowledge of the base yet (e.g. before the first computation): every customer with a
    /// purchase scores 3,3,3 and is in the medium tier, so nobody is singled out on no evidence.
    /// </summary>
    public static ValueDistribution Empty { get; } = new(default, 0, NoIntCuts, NoIntCuts, NoDecimalCuts, null, null);

    /// <summary>The time recency was measured at.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>The number of customers with a purchase the distribution was computed over.</summary>
    public int CustomerCount { get; }

    /// <summary>The 20/40/60/80% cut points of days since the last purchase, ascending (fewer days scores higher).</summary>
    public IReadOnlyList<int> RecencyDayCuts => _recencyDayCuts;

    /// <summary>The 20/40/60/80% cut points of purchase counts, ascending.</summary>
    public IReadOnlyList<int> FrequencyCuts => _frequencyCuts;

    /// <summary>The 20/40/60/80% cut points of monetary value, ascending.</summary>
    public IReadOnlyList<decimal> MonetaryCuts => _monetaryCuts;

    /// <summary>The lowest rank in the high tier; null when the tier is empty.</summary>
    public ValueRank? HighTierFloor { get; }

    /// <summary>The highest rank in the low tier; null when the tier is empty.</summary>
    public ValueRank? LowTierCeiling { get; }

    /// <summary>Whether tiers rank lifetime value rather than the RFM composite.</summary>
    public bool RanksByLifetimeValue { get; private init; }

    /// <summary>The lowest lifetime value in the high tier; null when tiers follow RFM or the tier is empty.</summary>
    public double? HighLifetimeValueFloor { get; private init; }

    /// <summary>The highest lifetime value in the low tier; null when tiers follow RFM or the tier is empty.</summary>
    public double? LowLifetimeValueCeiling { get; private init; }

    /// <summary>
    /// This distribution with tiers by lifetime value: the top <see cref="TierRules.HighShare"/> of
    /// <paramref name="lifetimeValues"/> (one per customer with a purchase) are high, the bottom
    /// <see cref="TierRules.LowShare"/> low. The RFM scores stay as they are.
    /// </summary>
    public ValueDistribution WithLifetimeValueTiers(IEnumerable<double> lifetimeValues, TierRules rules)
    {
        ArgumentNullException.ThrowIfNull(lifetimeValues);
        EnsureShares(rules);
        var values = lifetimeValues.ToArray();
        if (Array.Exists(values, value => !double.IsFinite(value)))
        {
            throw new ArgumentException("Lifetime values must be finite.", nameof(lifetimeValues));
        }

        Array.Sort(values, (a, b) => b.CompareTo(a));
        var count = values.Length;
        var highCount = SizeOf(count, rules.HighShare);
        var lowCount = Math.Min(SizeOf(count, rules.LowShare), count - highCount);
        return new ValueDistribution(AsOf, CustomerCount, _recencyDayCuts, _frequencyCuts, _monetaryCuts, HighTierFloor, LowTierCeiling)
        {
            RanksByLifetimeValue = true,
            HighLifetimeValueFloor = highCount > 0 ? values[highCount - 1] : null,
            LowLifetimeValueCeiling = lowCount > 0 ? values[count - lowCount] : null,
        };
    }

    /// <summary>
    /// Computes the distribution over <paramref name="inputs"/> (customers without a purchase are
    /// left out) with recency measured at <paramref name="asOf"/>. Tier sizes are the shares of the
    /// customer count, rounded half away from zero.
    /// </summary>
    public static ValueDistribution Compute(IEnumerable<RfmInput> inputs, DateTimeOffset asOf, TierRules rules)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        EnsureShares(rules);

        var buyers = inputs.Where(i => i.LastPurchaseAt is not null).ToArray();
        var count = buyers.Length;
        if (count == 0)
        {
            return new ValueDistribution(asOf, 0, NoIntCuts, NoIntCuts, NoDecimalCuts, null, null);
        }

        var scoring = new ValueDistribution(
            asOf,
            count,
            QuintileCuts(buyers.Select(b => RecencyDays(b.LastPurchaseAt!.Value, asOf))),
            QuintileCuts(buyers.Select(b => b.Frequency)),
            QuintileCuts(buyers.Select(b => b.Monetary)),
            null,
            null);

        var ranks = buyers.Select(b => scoring.RankOf(b, asOf)).ToArray();
        Array.Sort(ranks, (a, b) => b.CompareTo(a));
        var highCount = SizeOf(count, rules.HighShare);
        var lowCount = Math.Min(SizeOf(count, rules.LowShare), count - highCount);
        return new ValueDistribution(
            asOf,
            count,
            scoring._recencyDayCuts,
            scoring._frequencyCuts,
            scoring._monetaryCuts,
            highCount > 0 ? ranks[highCount - 1] : null,
            lowCount > 0 ? ranks[count - lowCount] : null);
    }

    /// <summary>
    /// Whole days from <paramref name="lastPurchaseAt"/> to <paramref name="now"/>, never negative.
    /// </summary>
    public static int RecencyDays(DateTimeOffset lastPurchaseAt, DateTimeOffset now) =>
        (int)Math.Max(0, (now - lastPurchaseAt).Ticks / TimeSpan.TicksPerDay);

    /// <summary>
    /// The customer's RFM scores against this distribution, with recency measured at
    /// <paramref name="now"/>; null without a purchase. Each score is 1 plus the number of cut
    /// points the value is beyond, so customers level with a cut point share the lower score.
    /// </summary>
    public RfmScore? Score(RfmInput input, DateTimeOffset now)
    {
        if (input.LastPurchaseAt is not { } last)
        {
            return null;
        }

        if (CustomerCount == 0)
        {
            return new RfmScore(3, 3, 3);
        }

        var days = RecencyDays(last, now);
        return new RfmScore(
            5 - Above(_recencyDayCuts, days),
            1 + Above(_frequencyCuts, input.Frequency),
            1 + Above(_monetaryCuts, input.Monetary));
    }

    /// <summary>
    /// The customer's tier against the thresholds of the last ranking; null without a purchase.
    /// Customers level with a threshold join that tier, so ties can make a tier slightly larger
    /// than its share. When the ranking was by lifetime value, <paramref name="lifetimeValue"/>
    /// decides; without it (no forecast for this customer) the RFM thresholds do.
    /// </summary>
    public ValueTier? Tier(RfmInput input, DateTimeOffset now, double? lifetimeValue = null)
    {
        if (input.LastPurchaseAt is null)
        {
            return null;
        }

        if (RanksByLifetimeValue && lifetimeValue is { } value)
        {
            if (HighLifetimeValueFloor is { } highValue && value >= highValue)
            {
                return ValueTier.High;
            }

            return LowLifetimeValueCeiling is { } lowValue && value <= lowValue ? ValueTier.Low : ValueTier.Medium;
        }

        var rank = RankOf(input, now);
        if (HighTierFloor is { } high && rank >= high)
        {
            return ValueTier.High;
        }

        return LowTierCeiling is { } low && rank <= low ? ValueTier.Low : ValueTier.Medium;
    }

    private ValueRank RankOf(RfmInput input, DateTimeOffset now) => new(Score(input, now)!.Composite, input.Monetary);

    private static void EnsureShares(TierRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.HighShare < 0 || rules.LowShare < 0 || rules.HighShare + rules.LowShare > 1)
        {
            throw new ArgumentException("Tier shares must be non-negative and add up to at most 1.", nameof(rules));
        }
    }

    private static int SizeOf(int count, decimal share) => (int)Math.Round(count * share, MidpointRounding.AwayFromZero);

    // The k-th cut point is the largest value of the bottom k fifths of the sorted values.
    private static T[] QuintileCuts<T>(IEnumerable<T> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var cuts = new T[4];
        for (var k = 1; k <= 4; k++)
        {
            cuts[k - 1] = sorted[(((k * sorted.Length) + 4) / 5) - 1];
        }

        return cuts;
    }

    private static int Above<T>(T[] cuts, T value)
        where T : IComparable<T>
    {
        var above = 0;
        foreach (var cut in cuts)
        {
            if (value.CompareTo(cut) > 0)
            {
                above++;
            }
        }

        return above;
    }
}
