using CustomerEngine.Domain.Tests.Support;
using CustomerEngine.Domain.Value;

namespace CustomerEngine.Domain.Tests.Value;

public sealed class ValueDistributionTests
{
    private static readonly DateTimeOffset AsOf = Time.At("2026-01-01");
    private static readonly TierRules Tiers = new();

    [Fact]
    public void Customer_without_a_purchase_has_no_score_and_no_tier()
    {
        var distribution = ValueDistribution.Compute(Base(100), AsOf, Tiers);
        var prospect = new RfmInput(0, 0m, null);

        Assert.Null(distribution.Score(prospect, AsOf));
        Assert.Null(distribution.Tier(prospect, AsOf));
        Assert.Null(ValueDistribution.Empty.Score(prospect, AsOf));
    }

    [Fact]
    public void Without_a_computed_distribution_every_buyer_scores_three_and_is_medium()
    {
        var buyer = new RfmInput(40, 9_000m, AsOf.AddDays(-1));

        Assert.Equal(new RfmScore(3, 3, 3), ValueDistribution.Empty.Score(buyer, AsOf));
        Assert.Equal(ValueTier.Medium, ValueDistribution.Empty.Tier(buyer, AsOf));
        Assert.Equal(0, ValueDistribution.Empty.CustomerCount);
    }

    [Fact]
    public void Distribution_over_customers_without_purchases_is_empty()
    {
        var distribution = ValueDistribution.Compute([new RfmInput(0, 0m, null)], AsOf, Tiers);

        Assert.Equal(0, distribution.CustomerCount);
        Assert.Equal(AsOf, distribution.AsOf);
        Assert.Equal(new RfmScore(3, 3, 3), distribution.Score(new RfmInput(1, 1m, AsOf), AsOf));
    }

    [Fact]
    public void Each_score_holds_a_fifth_of_a_base_with_distinct_values()
    {
        var inputs = Enumerable.Range(1, 100).Select(i => new RfmInput(i, i * 10m, AsOf.AddDays(-i))).ToList();

        var distribution = ValueDistribution.Compute(inputs, AsOf, Tiers);
        var scores = inputs.Select(i => distribution.Score(i, AsOf)!).ToList();

        Assert.Equal(100, distribution.CustomerCount);
        Assert.All(Enumerable.Range(1, 5), s => Assert.Equal(20, scores.Count(x => x.R == s)));
        Assert.All(Enumerable.Range(1, 5), s => Assert.Equal(20, scores.Count(x => x.F == s)));
        Assert.All(Enumerable.Range(1, 5), s => Assert.Equal(20, scores.Count(x => x.M == s)));
        Assert.Equal([20, 40, 60, 80], distribution.FrequencyCuts);
        Assert.Equal([20, 40, 60, 80], distribution.RecencyDayCuts);
        Assert.Equal([200m, 400m, 600m, 800m], distribution.MonetaryCuts);
    }

    [Fact]
    public void More_recent_buyers_score_higher_recency()
    {
        var inputs = Enumerable.Range(1, 100).Select(i => new RfmInput(1, 10m, AsOf.AddDays(-i))).ToList();
        var distribution = ValueDistribution.Compute(inputs, AsOf, Tiers);

        Assert.Equal(5, distribution.Score(new RfmInput(1, 10m, AsOf.AddDays(-3)), AsOf)!.R);
        Assert.Equal(1, distribution.Score(new RfmInput(1, 10m, AsOf.AddDays(-95)), AsOf)!.R);
    }

    [Fact]
    public void Higher_frequency_and_spend_score_higher()
    {
        var distribution = ValueDistribution.Compute(Base(500), AsOf, Tiers);

        var light = distribution.Score(new RfmInput(1, 5m, AsOf.AddDays(-30)), AsOf)!;
        var heavy = distribution.Score(new RfmInput(60, 20_000m, AsOf.AddDays(-30)), AsOf)!;

        Assert.Equal(1, light.F);
        Assert.Equal(1, light.M);
        Assert.Equal(5, heavy.F);
        Assert.Equal(5, heavy.M);
        Assert.Equal(light.R, heavy.R);
    }

    [Fact]
    public void Customers_level_with_a_cut_point_share_the_lower_score()
    {
        // Most customers buy once: they all sit in the bottom frequency score together.
        var inputs = Enumerable.Range(1, 100).Select(i => new RfmInput(i <= 70 ? 1 : i, i, AsOf.AddDays(-1))).ToList();
        var distribution = ValueDistribution.Compute(inputs, AsOf, Tiers);

        var onceBuyers = inputs.Take(70).Select(i => distribution.Score(i, AsOf)!.F).Distinct();

        Assert.Equal([1], onceBuyers);
    }

    [Theory]
    [InlineData("2025-12-31T00:00:01Z", 0)]
    [InlineData("2025-12-31T00:00:00Z", 1)]
    [InlineData("2025-12-30T23:59:59Z", 1)]
    [InlineData("2026-01-02T00:00:00Z", 0)]
    public void Recency_is_counted_in_whole_days(string lastPurchaseAt, int days)
    {
        Assert.Equal(days, ValueDistribution.RecencyDays(Time.At(lastPurchaseAt), AsOf));
    }

    [Fact]
    public void Tiers_of_a_thousand_customers_split_twenty_fifty_thirty()
    {
        var inputs = Base(1000);
        var distribution = ValueDistribution.Compute(inputs, AsOf, Tiers);

        var tiers = inputs.Select(i => distribution.Tier(i, AsOf)).ToList();

        Assert.Equal(200, tiers.Count(t => t == ValueTier.High));
        Assert.Equal(500, tiers.Count(t => t == ValueTier.Medium));
        Assert.Equal(300, tiers.Count(t => t == ValueTier.Low));
    }

    [Fact]
    public void A_single_customers_tier_agrees_with_the_ranking_of_the_whole_base()
    {
        var inputs = Base(1000);
        var distribution = ValueDistribution.Compute(inputs, AsOf, Tiers);
        var ranked = inputs
            .Select(i => (Input: i, Score: distribution.Score(i, AsOf)!))
            .OrderByDescending(x => x.Score.Composite)
            .ThenByDescending(x => x.Input.Monetary)
            .ToList();

        Assert.All(ranked.Take(200), x => Assert.Equal(ValueTier.High, distribution.Tier(x.Input, AsOf)));
        Assert.All(ranked.Skip(200).Take(500), x => Assert.Equal(ValueTier.Medium, distribution.Tier(x.Input, AsOf)));
        Assert.All(ranked.Skip(700), x => Assert.Equal(ValueTier.Low, distribution.Tier(x.Input, AsOf)));
    }

    [Fact]
    public void Configured_tier_shares_are_used()
    {
        var inputs = Base(1000);
        var distribution = ValueDistribution.Compute(inputs, AsOf, new TierRules { HighShare = 0.1m, LowShare = 0.5m });

        var tiers = inputs.Select(i => distribution.Tier(i, AsOf)).ToList();

        Assert.Equal(100, tiers.Count(t => t == ValueTier.High));
        Assert.Equal(500, tiers.Count(t => t == ValueTier.Low));
    }

    [Fact]
    public void Lone_customer_is_medium()
    {
        var only = new RfmInput(3, 100m, AsOf.AddDays(-10));

        var distribution = ValueDistribution.Compute([only], AsOf, Tiers);

        Assert.Equal(ValueTier.Medium, distribution.Tier(only, AsOf));
    }

    [Fact]
    public void Tier_shares_beyond_the_whole_base_are_refused()
    {
        Assert.Throws<ArgumentException>(() => ValueDistribution.Compute(Base(10), AsOf, new TierRules { HighShare = 0.6m, LowShare = 0.5m }));
    }

    // Varied, realistic inputs; monetary values are distinct so that the ranking has no ties.
    private static List<RfmInput> Base(int count)
    {
        var random = new Random(42);
        return Enumerable.Range(0, count)
            .Select(i => new RfmInput(
                1 + (int)Math.Floor(Math.Pow(random.NextDouble(), 3) * 40),
                Math.Round((decimal)(random.NextDouble() * 5000), 0) + (i / 10_000m),
                AsOf.AddDays(-random.Next(0, 730)).AddHours(-random.Next(0, 24))))
            .ToList();
    }
}
