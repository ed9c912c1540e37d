using CustomerEngine.CrossSell.Baskets;
using CustomerEngine.CrossSell.Candidates;
using CustomerEngine.CrossSell.Rules;
using CustomerEngine.CrossSell.Tests.Support;

namespace CustomerEngine.CrossSell.Tests.Candidates;

public sealed class CrossSellCandidatesTests
{
    private static readonly CrossSellOptions Options = new() { MinItemBaskets = 30, Thresholds = AssociationThresholds.None };

    [Fact]
    public void A_basket_item_brings_its_positive_associations_ranked_by_lift_with_a_reason()
    {
        var model = OutdoorShop.Learned();

        var suggestions = CrossSellCandidates.For(model, [OutdoorShop.Tent], [], Options);

        // tent → mat: 40 of tent's 60 baskets, lift 40·202 / (60·40) = 3.37.
        // tent → stove: 20 of 60, lift 20·202 / (60·40) = 1.68.
        Assert.Equal(
            [
                new CrossSellSuggestion("mat", "sleeping", "tent", 40.0 / 202, 40.0 / 60, 40.0 * 202 / (60 * 40), 40,
                    "has tent in basket, 67% of tent buyers also buy mat (lift 3.4)", SuggestionLevel.Sku),
                new CrossSellSuggestion("stove", "cooking", "tent", 20.0 / 202, 20.0 / 60, 20.0 * 202 / (60 * 40), 20,
                    "has tent in basket, 33% of tent buyers also buy stove (lift 1.7)", SuggestionLevel.Sku),
            ],
            suggestions);
    }

    [Fact]
    public void A_recent_purchase_brings_suggestions_too_and_is_called_bought()
    {
        var model = OutdoorShop.Learned();

        var suggestions = CrossSellCandidates.For(model, [], [OutdoorShop.Stove], Options);

        Assert.Equal(["gas", "tent"], suggestions.Select(suggestion => suggestion.Sku));
        Assert.Equal("bought stove, 50% of stove buyers also buy gas (lift 5.1)", suggestions[0].Reason);
    }

    [Fact]
    public void Items_in_the_basket_or_bought_recently_are_never_suggested()
    {
        var model = OutdoorShop.Learned();

        var suggestions = CrossSellCandidates.For(model, [OutdoorShop.Tent], [OutdoorShop.Mat], Options);

        // mat would lead (lift 3.4) but is already bought; mat's own rule points back at tent.
        var only = Assert.Single(suggestions);
        Assert.Equal("stove", only.Sku);
    }

    [Fact]
    public void An_item_reached_from_two_held_items_keeps_its_strongest_rule()
    {
        var model = OutdoorShop.Learned();

        var suggestions = CrossSellCandidates.For(model, [OutdoorShop.Tent, OutdoorShop.Gas], [], Options with { MinItemBaskets = 20 });

        // stove follows from tent (lift 20·202 / (60·40) = 1.68) and from gas (20·202 / (20·40) = 5.05).
        Assert.Equal([("stove", "gas", 5.05), ("mat", "tent", 40.0 * 202 / (60 * 40))], suggestions.Select(suggestion => (suggestion.Sku, suggestion.AntecedentSku, suggestion.Lift)));
    }

    [Fact]
    public void Rules_at_or_below_the_minimum_lift_are_not_suggestions()
    {
        var model = OutdoorShop.Learned();

        var suggestions = CrossSellCandidates.For(model, [OutdoorShop.Tent], [], Options with { MinLift = 2.0 });

        Assert.Equal(["mat"], suggestions.Select(suggestion => suggestion.Sku));
    }

    [Fact]
    public void Suggestions_respect_the_thresholds_and_the_limit()
    {
        var model = OutdoorShop.Learned();

        var confident = CrossSellCandidates.For(model, [OutdoorShop.Tent], [], Options with { Thresholds = new AssociationThresholds(0, 0.5) });
        var limited = CrossSellCandidates.For(model, [OutdoorShop.Tent, OutdoorShop.Stove], [], Options with { Limit = 1 });

        Assert.Equal(["mat"], confident.Select(suggestion => suggestion.Sku));
        Assert.Equal(["gas"], limited.Select(suggestion => suggestion.Sku));
    }

    [Fact]
    public void An_item_with_too_few_baskets_falls_back_to_its_category_and_names_a_category()
    {
        var model = OutdoorShop.Learned();

        var suggestions = CrossSellCandidates.For(model, [OutdoorShop.NewTent], [], Options);

        // tent-x is in 2 baskets (< 30). camping → sleeping: 42 of camping's 62 baskets,
        // lift 42·202 / (62·42) = 3.26; camping → cooking: 20 of 62, lift 20·202 / (62·40) = 1.63.
        Assert.Equal(
            [
                new CrossSellSuggestion(null, "sleeping", "tent-x", 42.0 / 202, 42.0 / 62, 202.0 / 62, 42,
                    "has tent-x in basket; too few baskets of tent-x yet, so by category: 68% of camping buyers also buy from the sleeping category (lift 3.3)",
                    SuggestionLevel.Category),
                new CrossSellSuggestion(null, "cooking", "tent-x", 20.0 / 202, 20.0 / 62, 20.0 * 202 / (62 * 40), 20,
                    "has tent-x in basket; too few baskets of tent-x yet, so by category: 32% of camping buyers also buy from the cooking category (lift 1.6)",
                    SuggestionLevel.Category),
            ],
            suggestions);
    }

    [Fact]
    public void Category_fallback_skips_categories_the_customer_already_has()
    {
        var model = OutdoorShop.Learned();

        var suggestions = CrossSellCandidates.For(model, [OutdoorShop.NewTent], [OutdoorShop.Stove], Options);

        // stove has data of its own (gas 5.05, tent 1.68); cooking is held, so only sleeping comes by category.
        Assert.Equal(
            [("gas", SuggestionLevel.Sku), ("sleeping", SuggestionLevel.Category), ("tent", SuggestionLevel.Sku)],
            suggestions.Select(suggestion => (suggestion.Sku ?? suggestion.Category, suggestion.Level)));
    }

    [Fact]
    public void An_item_with_enough_baskets_uses_its_own_rules_not_its_category()
    {
        var model = OutdoorShop.Learned();

        var suggestions = CrossSellCandidates.For(model, [OutdoorShop.NewTent], [], Options with { MinItemBaskets = 2 });

        // With 2 baskets counted as enough, tent-x's one partner pad-x is suggested by SKU.
        var only = Assert.Single(suggestions);
        Assert.Equal(("pad-x", SuggestionLevel.Sku), (only.Sku, only.Level));
        Assert.Equal(101.0, only.Lift);
    }

    [Fact]
    public void A_bare_sku_falls_back_to_the_category_the_model_knows_for_it()
    {
        var model = OutdoorShop.Learned();

        var suggestions = CrossSellCandidates.For(model, [new BasketLine("tent-x")], [], Options);

        Assert.Equal(["sleeping", "cooking"], suggestions.Select(suggestion => suggestion.Category));
    }

    [Fact]
    public void An_unknown_item_without_a_category_brings_nothing()
    {
        var model = OutdoorShop.Learned();

        Assert.Empty(CrossSellCandidates.For(model, [new BasketLine("kayak")], [], Options));
    }
}
