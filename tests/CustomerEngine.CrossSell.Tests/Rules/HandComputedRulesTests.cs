using CustomerEngine.CrossSell.Rules;
using CustomerEngine.CrossSell.Tests.Support;

namespace CustomerEngine.CrossSell.Tests.Rules;

/// <summary>Every number here is counted by hand from <see cref="TextbookBaskets"/> (N = 5).</summary>
public sealed class HandComputedRulesTests
{
    [Fact]
    public void Support_is_baskets_with_both_items_over_all_baskets()
    {
        var model = TextbookBaskets.Learned();

        var rule = Single(model.Associations("milk", 10, AssociationThresholds.None), "diapers");

        // {milk, diapers} are together in baskets 3, 4 and 5 of 5.
        Assert.Equal(3, rule.Count);
        Assert.Equal(3.0 / 5, rule.Support);
    }

    [Fact]
    public void Confidence_is_support_of_pair_over_support_of_antecedent()
    {
        var model = TextbookBaskets.Learned();

        var beerToMilk = Single(model.Associations("beer", 10, AssociationThresholds.None), "milk");
        var milkToBeer = Single(model.Associations("milk", 10, AssociationThresholds.None), "beer");

        // support({beer, milk}) = 2/5; support({beer}) = 3/5; support({milk}) = 4/5.
        Assert.Equal(2.0 / 3, beerToMilk.Confidence);
        Assert.Equal(2.0 / 4, milkToBeer.Confidence);
    }

    [Fact]
    public void Lift_is_confidence_over_support_of_consequent()
    {
        var model = TextbookBaskets.Learned();

        var beerToEggs = Single(model.Associations("beer", 10, AssociationThresholds.None), "eggs");
        var eggsToBeer = Single(model.Associations("eggs", 10, AssociationThresholds.None), "beer");

        // confidence(beer → eggs) = 1/3 and support({eggs}) = 1/5, so lift = 5/3; lift is symmetric.
        Assert.Equal(5.0 / 3, beerToEggs.Lift);
        Assert.Equal(5.0 / 3, eggsToBeer.Lift);
        Assert.Equal(1.0, eggsToBeer.Confidence);
    }

    [Fact]
    public void Associations_of_an_item_list_every_partner_by_lift_then_confidence_then_sku()
    {
        var model = TextbookBaskets.Learned();

        var rules = model.Associations("beer", 10, AssociationThresholds.None);

        // beer is in 3 baskets: with diapers 3 times, bread 2, milk 2, eggs 1, cola 1.
        // bread, milk and cola tie on lift 5/6; bread and milk also tie on confidence 2/3.
        Assert.Equal(
            [
                new AssociationRule("beer", "eggs", 1.0 / 5, 1.0 / 3, 5.0 / 3, 1),
                new AssociationRule("beer", "diapers", 3.0 / 5, 1.0, 5.0 / 4, 3),
                new AssociationRule("beer", "bread", 2.0 / 5, 2.0 / 3, 5.0 / 6, 2),
                new AssociationRule("beer", "milk", 2.0 / 5, 2.0 / 3, 5.0 / 6, 2),
                new AssociationRule("beer", "cola", 1.0 / 5, 1.0 / 3, 5.0 / 6, 1),
            ],
            rules);
    }

    [Fact]
    public void Associations_stop_at_the_limit_keeping_the_best()
    {
        var model = TextbookBaskets.Learned();

        var rules = model.Associations("beer", 2, AssociationThresholds.None);

        Assert.Equal(["eggs", "diapers"], rules.Select(rule => rule.Consequent));
    }

    [Fact]
    public void Rules_list_every_directed_pair_at_the_thresholds_by_lift_then_antecedent_then_consequent()
    {
        var model = TextbookBaskets.Learned();

        var (baskets, rules) = model.Rules(new AssociationThresholds(0.4, 0.75), 100);

        // Pairs in at least 2 of 5 baskets whose rule holds in at least 3 of 4 antecedent baskets.
        Assert.Equal(5, baskets);
        Assert.Equal(
            [
                new AssociationRule("beer", "diapers", 0.6, 1.0, 1.25, 3),
                new AssociationRule("cola", "diapers", 0.4, 1.0, 1.25, 2),
                new AssociationRule("cola", "milk", 0.4, 1.0, 1.25, 2),
                new AssociationRule("diapers", "beer", 0.6, 0.75, 1.25, 3),
                new AssociationRule("bread", "diapers", 0.6, 0.75, 0.9375, 3),
                new AssociationRule("bread", "milk", 0.6, 0.75, 0.9375, 3),
                new AssociationRule("diapers", "bread", 0.6, 0.75, 0.9375, 3),
                new AssociationRule("diapers", "milk", 0.6, 0.75, 0.9375, 3),
                new AssociationRule("milk", "bread", 0.6, 0.75, 0.9375, 3),
                new AssociationRule("milk", "diapers", 0.6, 0.75, 0.9375, 3),
            ],
            rules);
    }

    [Fact]
    public void Rules_without_thresholds_hold_both_directions_of_every_pair_seen()
    {
        var model = TextbookBaskets.Learned();

        var (_, rules) = model.Rules(AssociationThresholds.None, int.MaxValue);

        // 13 distinct pairs, each giving {a} → {b} and {b} → {a}.
        Assert.Equal(13, model.DistinctPairs);
        Assert.Equal(26, rules.Count);
        Assert.Equal(6, model.DistinctItems);
    }

    [Fact]
    public void Rules_stop_at_the_limit_keeping_the_highest_lift()
    {
        var model = TextbookBaskets.Learned();

        var (baskets, rules) = model.Rules(new AssociationThresholds(0.4, 0.75), 2);

        Assert.Equal(5, baskets);
        Assert.Equal([("beer", "diapers"), ("cola", "diapers")], rules.Select(rule => (rule.Antecedent, rule.Consequent)));
    }

    private static AssociationRule Single(IReadOnlyList<AssociationRule> rules, string consequent) =>
        Assert.Single(rules, rule => rule.Consequent == consequent);
}
