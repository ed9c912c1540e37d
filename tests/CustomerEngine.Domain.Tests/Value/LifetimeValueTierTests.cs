using CustomerEngine.Domain.Tests.Support;
using CustomerEngine.Domain.Value;

namespace CustomerEngine.Domain.Tests.Value;

public sealed class LifetimeValueTierTests
{
    private static readonly DateTimeOffset AsOf = Time.At("2026-01-01");
    private static readonly TierRules Tiers = new();

    [Fact]
    public void With_lifetime_values_the_top_fifth_is_high_and_the_bottom_three_tenths_low()
    {
        // RFM ranks customer i by i, lifetime value ranks them the other way round.
        var inputs = Enumerable.Range(1, 100).Select(i => new RfmInput(i, i * 10m, AsOf.AddDays(-i))).ToList();
        var lifetimeValues = Enumerable.Range(1, 100).Select(i => 1000.0 / i).ToList();

        var distribution = ValueDistribution.Compute(inputs, AsOf, Tiers).WithLifetimeValueTiers(lifetimeValues, Tiers);
        var tiers = inputs.Select((input, i) => distribution.Tier(input, AsOf, lifetimeValues[i])).ToList();

        Assert.True(distribution.RanksByLifetimeValue);
        Assert.Equal(Enumerable.Repeat<ValueTier?>(ValueTier.High, 20), tiers.Take(20));
        Assert.Equal(Enumerable.Repeat<ValueTier?>(ValueTier.Medium, 50), tiers.Skip(20).Take(50));
        Assert.Equal(Enumerable.Repeat<ValueTier?>(ValueTier.Low, 30), tiers.Skip(70));
        Assert.Equal(1000.0 / 20, distribution.HighLifetimeValueFloor);
        Assert.Equal(1000.0 / 71, distribution.LowLifetimeValueCeiling);
    }

    [Fact]
    public void Until_there_are_lifetime_values_tiers_follow_rfm()
    {
        var inputs = Enumerable.Range(1, 100).Select(i => new RfmInput(i, i * 10m, AsOf.AddDays(-100 + i))).ToList();

        var distribution = ValueDistribution.Compute(inputs, AsOf, Tiers);

        Assert.False(distribution.RanksByLifetimeValue);
        Assert.Equal(ValueTier.High, distribution.Tier(inputs[99], AsOf, lifetimeValue: 0.0));
        Assert.Equal(ValueTier.Low, distribution.Tier(inputs[0], AsOf, lifetimeValue: 1e6));
    }

    [Fact]
    public void A_customer_the_model_cannot_score_is_tiered_by_rfm()
    {
        var inputs = Enumerable.Range(1, 100).Select(i => new RfmInput(i, i * 10m, AsOf.AddDays(-100 + i))).ToList();
        var distribution = ValueDistribution.Compute(inputs, AsOf, Tiers).WithLifetimeValueTiers(Enumerable.Range(1, 100).Select(i => (double)i), Tiers);

        Assert.Equal(ValueTier.High, distribution.Tier(inputs[99], AsOf, lifetimeValue: null));
    }

    [Fact]
    public void Lifetime_values_that_are_not_finite_are_refused()
    {
        Assert.Throws<ArgumentException>(() => ValueDistribution.Empty.WithLifetimeValueTiers([1.0, double.NaN], Tiers));
    }
}
