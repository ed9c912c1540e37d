using CustomerEngine.CrossSell.Baskets;
using CustomerEngine.Engagement.Actions;
using CustomerEngine.Engagement.Candidates;
using CustomerEngine.Engagement.Providers;
using CustomerEngine.Engagement.Tests.Support;
using static CustomerEngine.Engagement.Tests.Support.CustomerEvents;

namespace CustomerEngine.Engagement.Tests.Providers;

public sealed class CrossSellProviderTests
{
    private static readonly ActionCatalog Defaults = ActionCatalog.LoadDefault();
    private static readonly BuiltInProviderOptions SkuLevel = new() { CrossSell = new() { MinItemBaskets = 1 } };

    // The basket comes from the cart.added after the last purchase; the cart line before it is long paid for.
    private static readonly CustomerEvents TentInBasket = new CustomerEvents()
        .Registered(T0.AddDays(-40))
        .CartAdded(T0.AddDays(-20).AddMinutes(-5), "stove")
        .Purchase(T0.AddDays(-20), "stove")
        .CartAdded(T0.AddMinutes(-10), "tent");

    [Fact]
    public void A_tent_in_the_basket_brings_sleeping_mats_with_the_numbers_behind_them()
    {
        var context = TentInBasket.Context(T0, Defaults, crossSell: OutdoorBaskets.Learned());

        var candidate = Assert.Single(new CrossSellProvider(SkuLevel).Propose(context));

        // tent → mat: 3 of tent's 5 baskets (60%), lift 3·30 / (5·4) = 4.5.
        // tent → lantern: 2 of 5 (40%), lift 2·30 / (5·3) = 4.0.
        // tent → stove: lift 1·30 / (5·6) = 1.0, no better than chance, so not a reason.
        Assert.Equal("cross-sell.companion-product", candidate.Action.Id);
        Assert.Equal("Suggest mat to go with the tent", candidate.Action.Title);
        Assert.Equal(
            [
                "Ada has tent; mat is what buyers of it most often add",
                "has tent in basket, 60% of tent buyers also buy mat (lift 4.5)",
                "has tent in basket, 40% of tent buyers also buy lantern (lift 4.0)",
            ],
            candidate.Reasons);
        Assert.Equal(CrossSellProvider.ProviderName, candidate.Source);
    }

    [Fact]
    public void What_was_bought_recently_is_not_suggested_again()
    {
        var context = TentInBasket.Context(T0, Defaults, crossSell: OutdoorBaskets.Learned(), recentPurchases: [OutdoorBaskets.Lantern]);

        var candidate = Assert.Single(new CrossSellProvider(SkuLevel).Propose(context));

        // Lantern is held now, so it is no longer suggested. Mat is, and by its strongest rule:
        // lantern → mat, 2 of lantern's 3 baskets (67%), lift 2·30 / (3·4) = 5.0, beats tent → mat (4.5).
        Assert.Equal("Suggest mat to go with the lantern", candidate.Action.Title);
        Assert.Equal(
            ["Ada has lantern; mat is what buyers of it most often add", "bought lantern, 67% of lantern buyers also buy mat (lift 5.0)"],
            candidate.Reasons);
    }

    [Fact]
    public void An_item_with_too_few_baskets_falls_back_to_its_category()
    {
        var prospect = new CustomerEvents().Registered(T0.AddDays(-1));
        var withNewTent = new EngagementContext(prospect.Context(T0, Defaults).Customer, prospect.State(T0), T0, Defaults)
        {
            CrossSell = OutdoorBaskets.Learned(),
            Basket = [new BasketLine("tent-x", "tents")],
        };

        var candidate = Assert.Single(new CrossSellProvider(SkuLevel).Propose(withNewTent));

        // Tents are in 7 baskets (tent 5, tent-plus 1, tent-pro 1), 3 of them with a mat (sleeping, 4 baskets):
        // 3/7 = 43%, lift 3·30 / (7·4) = 3.2.
        Assert.Equal("Suggest something from sleeping to go with the tent-x", candidate.Action.Title);
        Assert.Equal(
            "has tent-x in basket; too few baskets of tent-x yet, so by category: 43% of tents buyers also buy from the sleeping category (lift 3.2)",
            candidate.Reasons[1]);
    }

    [Fact]
    public void Nothing_is_proposed_without_a_model_or_without_anything_held()
    {
        var empty = new CustomerEvents().Registered(T0.AddDays(-1));

        Assert.Empty(new CrossSellProvider(SkuLevel).Propose(TentInBasket.Context(T0, Defaults)));
        Assert.Empty(new CrossSellProvider(SkuLevel).Propose(empty.Context(T0, Defaults, crossSell: OutdoorBaskets.Learned())));
    }

    [Fact]
    public void A_tent_in_the_basket_brings_the_next_price_tier_as_an_up_sell()
    {
        var context = TentInBasket.Context(T0, Defaults, crossSell: OutdoorBaskets.Learned());

        var candidate = Assert.Single(new UpSellProvider().Propose(context));

        Assert.Equal("Show the step-up: tent-plus instead of tent", candidate.Action.Title);
        Assert.Equal("has tent in basket; step up to tent-plus, a mid-tier tents item at 89.00 on average (against 59.00 for tent, entry-tier)", candidate.Reasons[1]);
    }
}
