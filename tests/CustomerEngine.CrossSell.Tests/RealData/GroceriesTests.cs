using CustomerEngine.CrossSell.Model;
using CustomerEngine.CrossSell.Rules;
using CustomerEngine.CrossSell.Tests.Support;

namespace CustomerEngine.CrossSell.Tests.RealData;

/// <summary>
/// The Groceries data of the R arules package (9,835 supermarket baskets, 169 items), checked
/// against an independent brute-force recount of the file and against figures published for it.
/// </summary>
public sealed class GroceriesTests
{
    private const double Exact = 1e-9;

    private static readonly Lazy<CrossSellModel> Model = new(() =>
    {
        var model = new CrossSellModel();
        foreach (var basket in Groceries.Baskets)
        {
            model.Learn(basket);
        }

        return model;
    });

    private static readonly Lazy<BruteForceRules> Recount = new(() => new BruteForceRules(Groceries.Baskets));

    [Fact]
    public void The_model_counts_the_published_shape_of_the_data()
    {
        var model = Model.Value;

        Assert.Equal(9835, model.Baskets);
        Assert.Equal(169, model.DistinctItems);
        Assert.Equal(2513, model.ItemBaskets("whole milk"));
        Assert.Equal(1903, model.ItemBaskets("other vegetables"));
        Assert.Equal(0.2555, 2513.0 / model.Baskets, 4);
    }

    [Fact]
    public void Other_vegetables_to_whole_milk_has_the_published_arules_measures()
    {
        var rule = Assert.Single(Model.Value.Associations("other vegetables", 200, AssociationThresholds.None), rule => rule.Consequent == "whole milk");

        // arules: {other vegetables} => {whole milk}  support 0.07483477  confidence 0.3867578  lift 1.513634  count 736.
        Assert.Equal(736, rule.Count);
        Assert.Equal(736.0 / 9835, rule.Support, Exact);
        Assert.Equal(736.0 / 1903, rule.Confidence, Exact);
        Assert.Equal(736.0 / 1903 / (2513.0 / 9835), rule.Lift, Exact);
        Assert.Equal(0.07483477, rule.Support, 1e-8);
        Assert.Equal(0.3867578, rule.Confidence, 1e-7);
        Assert.Equal(1.513634, rule.Lift, 1e-6);
    }

    [Fact]
    public void Every_pairwise_rule_matches_a_brute_force_recount_of_the_file()
    {
        var recount = Recount.Value;

        var (baskets, rules) = Model.Value.Rules(AssociationThresholds.None, int.MaxValue);

        Assert.Equal(recount.Baskets, baskets);
        AssertSameRules(recount.Rules(0, 0), rules);
    }

    [Fact]
    public void At_support_1_percent_and_confidence_30_percent_the_rules_are_exactly_the_brute_force_set()
    {
        var recount = Recount.Value;

        var (_, rules) = Model.Value.Rules(new AssociationThresholds(0.01, 0.3), int.MaxValue);

        AssertSameRules(recount.Rules(0.01, 0.3), rules);
        Assert.Equal(69, rules.Count);

        // The strongest of them, as arules ranks by lift: {beef} => {root vegetables}, 171 baskets.
        Assert.Equal(("beef", "root vegetables", 171L), (rules[0].Antecedent, rules[0].Consequent, rules[0].Count));
        Assert.Equal(3.040367, rules[0].Lift, 1e-6);
    }

    [Fact]
    public void Rules_come_sorted_by_lift_then_antecedent_then_consequent()
    {
        var (_, rules) = Model.Value.Rules(new AssociationThresholds(0.001, 0.1), int.MaxValue);

        var expected = rules
            .OrderByDescending(rule => rule.Lift)
            .ThenBy(rule => rule.Antecedent, StringComparer.Ordinal)
            .ThenBy(rule => rule.Consequent, StringComparer.Ordinal);
        Assert.Equal(expected, rules);
        Assert.True(rules.Count > 1000, $"Expected a large rule set to check the order of, got {rules.Count}.");
    }

    [Fact]
    public void Whole_milk_associations_match_the_recount_in_lift_order()
    {
        var recount = Recount.Value;

        var rules = Model.Value.Associations("whole milk", 10, new AssociationThresholds(0.005, 0));

        var expected = recount.Rules(0.005, 0)
            .Where(rule => rule.Antecedent == "whole milk")
            .OrderByDescending(rule => rule.Lift)
            .ThenByDescending(rule => rule.Confidence)
            .ThenBy(rule => rule.Consequent, StringComparer.Ordinal)
            .Take(10)
            .ToList();
        Assert.Equal(10, rules.Count);
        Assert.Equal(expected.Select(rule => (rule.Consequent, rule.Count)), rules.Select(rule => (rule.Consequent, rule.Count)));
    }

    [Fact]
    public void Items_are_read_exactly_as_labelled_including_trailing_spaces()
    {
        // arules' Groceries labels these two items with a trailing space.
        Assert.Equal(Recount.Value.ItemCounts["cream cheese "], Model.Value.ItemBaskets("cream cheese "));
        Assert.True(Model.Value.ItemBaskets("cream cheese ") > 0);
        Assert.Equal(0, Model.Value.ItemBaskets("cream cheese"));
    }

    private static void AssertSameRules(List<AssociationRule> expected, IReadOnlyList<AssociationRule> actual)
    {
        Assert.Equal(
            expected.Select(rule => (rule.Antecedent, rule.Consequent, rule.Count)).Order().ToList(),
            actual.Select(rule => (rule.Antecedent, rule.Consequent, rule.Count)).Order().ToList());

        var byPair = expected.ToDictionary(rule => (rule.Antecedent, rule.Consequent));
        foreach (var rule in actual)
        {
            var recounted = byPair[(rule.Antecedent, rule.Consequent)];
            Assert.Equal(recounted.Support, rule.Support, Exact);
            Assert.Equal(recounted.Confidence, rule.Confidence, Exact);
            Assert.Equal(recounted.Lift, rule.Lift, Exact);
        }
    }
}
