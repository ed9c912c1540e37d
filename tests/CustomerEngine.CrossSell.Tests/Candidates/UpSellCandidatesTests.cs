using CustomerEngine.CrossSell.Baskets;
using CustomerEngine.CrossSell.Candidates;
using CustomerEngine.CrossSell.Model;
using CustomerEngine.CrossSell.Pricing;

namespace CustomerEngine.CrossSell.Tests.Candidates;

public sealed class UpSellCandidatesTests
{
    private static readonly UpSellOptions Options = new();

    [Fact]
    public void An_entry_tier_item_gets_the_most_bought_item_of_the_next_tier_up()
    {
        var model = Tents();

        var suggestions = UpSellCandidates.For(model, [new BasketLine("t2")], [], Options);

        // t3 and t4 are mid tier; t4 is in more baskets.
        Assert.Equal(
            [
                new UpSellSuggestion("t4", "tents", "t2", PriceTier.Mid, 40m, PriceTier.Entry, 20m, 5,
                    "has t2 in basket; step up to t4, a mid-tier tents item at 40.00 on average (against 20.00 for t2, entry-tier)"),
            ],
            suggestions);
    }

    [Fact]
    public void The_top_tier_has_nothing_to_step_up_to()
    {
        var model = Tents();

        Assert.Empty(UpSellCandidates.For(model, [new BasketLine("t6")], [], Options));
    }

    [Fact]
    public void A_mid_tier_item_steps_up_to_premium()
    {
        var model = Tents();

        var suggestions = UpSellCandidates.For(model, [], [new BasketLine("t3")], Options with { PerItem = 2 });

        Assert.Equal([("t5", PriceTier.Premium), ("t6", PriceTier.Premium)], suggestions.Select(suggestion => (suggestion.Sku, suggestion.Tier)));
        Assert.StartsWith("bought t3; step up to t5", suggestions[0].Reason);
    }

    [Fact]
    public void Items_already_held_are_not_suggested_as_a_step_up()
    {
        var model = Tents();

        var suggestions = UpSellCandidates.For(model, [new BasketLine("t2")], [new BasketLine("t4")], Options);

        // t4 would be first for t2 but is already bought; t4 itself steps up to t5 (more baskets than t6).
        Assert.Equal([("t3", "t2"), ("t5", "t4")], suggestions.Select(suggestion => (suggestion.Sku, suggestion.InsteadOfSku)));
    }

    [Fact]
    public void A_category_with_too_few_priced_skus_has_no_tiers_to_step_through()
    {
        var model = new CrossSellModel();
        model.Learn([new BasketLine("cheap", "kayaks", 100m)]);
        model.Learn([new BasketLine("dear", "kayaks", 900m)]);

        Assert.Empty(UpSellCandidates.For(model, [new BasketLine("cheap")], [], Options));
        Assert.Single(UpSellCandidates.For(model, [new BasketLine("cheap")], [], Options with { MinCategorySkus = 2 }));
    }

    [Fact]
    public void The_limit_caps_suggestions_across_held_items()
    {
        var model = Tents();

        var suggestions = UpSellCandidates.For(model, [new BasketLine("t1"), new BasketLine("t3")], [], Options with { Limit = 1 });

        Assert.Equal(["t4"], suggestions.Select(suggestion => suggestion.Sku));
    }

    [Fact]
    public void Purchases_at_the_usual_price_after_a_suggestion_change_which_step_up_comes_first()
    {
        var model = Tents();
        Assert.Equal("t4", UpSellCandidates.For(model, [new BasketLine("t2")], [], Options).Single().Sku);

        // t3 sells four more times at its own price: its tier is unchanged, its baskets now lead.
        for (var i = 0; i < 4; i++)
        {
            model.Learn([new BasketLine("t3", "tents", 30m)]);
        }

        var suggestion = UpSellCandidates.For(model, [new BasketLine("t2")], [], Options).Single();
        Assert.Equal(("t3", PriceTier.Mid, 6L), (suggestion.Sku, suggestion.Tier, suggestion.Baskets));
        Assert.Equal(new SkuPriceTier("t3", 30m, 6, 6, PriceTier.Mid), model.PriceTiers("tents").Single(tier => tier.Sku == "t3"));
    }

    // Six tents at 10 to 60: entry t1, t2; mid t3, t4; premium t5, t6. Baskets: t4 5, t3 2, t5 2, others 1.
    private static CrossSellModel Tents()
    {
        var model = new CrossSellModel();
        foreach (var (sku, price, baskets) in new[] { ("t1", 10m, 1), ("t2", 20m, 1), ("t3", 30m, 2), ("t4", 40m, 5), ("t5", 50m, 2), ("t6", 60m, 1) })
        {
            for (var i = 0; i < baskets; i++)
            {
                model.Learn([new BasketLine(sku, "tents", price)]);
            }
        }

        return model;
    }
}
