using CustomerEngine.CrossSell.Model;
using CustomerEngine.CrossSell.Rules;
using CustomerEngine.CrossSell.Tests.Support;

namespace CustomerEngine.CrossSell.Tests.Rules;

public sealed class ThresholdTests
{
    [Fact]
    public void A_rule_exactly_at_both_thresholds_is_kept()
    {
        var model = TextbookBaskets.Learned();

        var (_, rules) = model.Rules(new AssociationThresholds(0.6, 0.75), 100);

        // diapers → beer has support exactly 3/5 and confidence exactly 3/4.
        Assert.Contains(rules, rule => rule is { Antecedent: "diapers", Consequent: "beer", Support: 0.6, Confidence: 0.75 });
        Assert.All(rules, rule => Assert.True(rule.Support >= 0.6 && rule.Confidence >= 0.75));
        // The four pairs in 3 baskets, both ways round: 3/4 or 3/3 of their antecedents' baskets.
        Assert.Equal(8, rules.Count);
    }

    [Fact]
    public void A_rule_just_below_the_support_threshold_is_dropped()
    {
        var model = TextbookBaskets.Learned();

        var (_, rules) = model.Rules(new AssociationThresholds(Math.BitIncrement(0.6), 0), 100);

        // No pair is in more than 3 of the 5 baskets.
        Assert.Empty(rules);
    }

    [Fact]
    public void A_rule_just_below_the_confidence_threshold_is_dropped()
    {
        var model = TextbookBaskets.Learned();

        var (_, rules) = model.Rules(new AssociationThresholds(0.6, Math.BitIncrement(0.75)), 100);

        // Of the support-3/5 rules only beer → diapers holds every time.
        var rule = Assert.Single(rules);
        Assert.Equal(("beer", "diapers"), (rule.Antecedent, rule.Consequent));
    }

    [Fact]
    public void Associations_apply_the_thresholds_too()
    {
        var model = TextbookBaskets.Learned();

        var rules = model.Associations("beer", 10, new AssociationThresholds(0.4, 2.0 / 3));

        Assert.Equal(["diapers", "bread", "milk"], rules.Select(rule => rule.Consequent));
    }

    [Fact]
    public void Calls_without_thresholds_use_the_model_defaults()
    {
        var model = new CrossSellModel(new CrossSellModelOptions { Thresholds = new AssociationThresholds(0.6, 1.0) });
        foreach (var basket in TextbookBaskets.All)
        {
            model.Learn(basket);
        }

        Assert.Equal([("beer", "diapers")], model.Rules(100).Rules.Select(rule => (rule.Antecedent, rule.Consequent)));
        Assert.Equal(["diapers"], model.Associations("beer", 10).Select(rule => rule.Consequent));
    }

    [Theory]
    [InlineData(-0.1, 0.5)]
    [InlineData(0.5, 1.1)]
    [InlineData(double.NaN, 0.5)]
    public void Thresholds_outside_zero_to_one_are_rejected(double minSupport, double minConfidence)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AssociationThresholds(minSupport, minConfidence));
    }
}
