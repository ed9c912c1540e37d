using CustomerEngine.CrossSell.Baskets;
using CustomerEngine.CrossSell.Model;
using CustomerEngine.CrossSell.Pricing;

namespace CustomerEngine.CrossSell.Tests.Pricing;

public sealed class PriceTierTests
{
    [Fact]
    public void A_category_splits_into_thirds_by_mean_price()
    {
        var model = new CrossSellModel();
        foreach (var (sku, price) in new[] { ("t6", 60m), ("t1", 10m), ("t4", 40m), ("t2", 20m), ("t5", 50m), ("t3", 30m) })
        {
            model.Learn([new BasketLine(sku, "tents", price)]);
        }

        var tiers = model.PriceTiers("tents");

        Assert.Equal(
            [
                ("t1", PriceTier.Entry), ("t2", PriceTier.Entry), ("t3", PriceTier.Mid),
                ("t4", PriceTier.Mid), ("t5", PriceTier.Premium), ("t6", PriceTier.Premium),
            ],
            tiers.Select(tier => (tier.Sku, tier.Tier)));
    }

    [Fact]
    public void Tiers_follow_the_running_mean_price_not_the_last_price()
    {
        var model = new CrossSellModel();
        model.Learn([new BasketLine("a", "tents", 20m)]);
        model.Learn([new BasketLine("b", "tents", 30m)]);
        model.Learn([new BasketLine("c", "tents", 40m)]);

        // c sold once at 40 and three times at 10: mean 17.50, now the cheapest.
        for (var i = 0; i < 3; i++)
        {
            model.Learn([new BasketLine("c", "tents", 10m)]);
        }

        var tiers = model.PriceTiers("tents");

        Assert.Equal(
            [new SkuPriceTier("c", 17.5m, 4, 4, PriceTier.Entry), new SkuPriceTier("a", 20m, 1, 1, PriceTier.Mid), new SkuPriceTier("b", 30m, 1, 1, PriceTier.Premium)],
            tiers);
    }

    [Fact]
    public void Tiers_read_between_baskets_follow_every_basket_learned_since()
    {
        var model = new CrossSellModel();
        model.Learn([new BasketLine("a", "tents", 20m)]);
        model.Learn([new BasketLine("b", "tents", 30m)]);
        model.Learn([new BasketLine("c", "tents", 40m)]);
        Assert.Equal(["a", "b", "c"], model.PriceTiers("tents").Select(tier => tier.Sku));

        // A price, a basket count and a category change each move what the next read ranks.
        model.Learn([new BasketLine("c", "tents", 0m)]);
        Assert.Equal(["a", "c", "b"], model.PriceTiers("tents").Select(tier => tier.Sku));
        model.Learn(["a"]);
        Assert.Equal(2, model.PriceTiers("tents").Single(tier => tier.Sku == "a").Baskets);
        model.Learn([new BasketLine("b", "stoves")]);
        Assert.Equal(["a", "c"], model.PriceTiers("tents").Select(tier => tier.Sku));
        Assert.Equal(["b"], model.PriceTiers("stoves").Select(tier => tier.Sku));
    }

    [Fact]
    public void Skus_of_equal_mean_price_share_a_tier()
    {
        var model = new CrossSellModel();
        foreach (var (sku, price) in new[] { ("a", 10m), ("b", 20m), ("c", 20m), ("d", 20m), ("e", 30m), ("f", 40m) })
        {
            model.Learn([new BasketLine(sku, "tents", price)]);
        }

        var tiers = model.PriceTiers("tents");

        // By position b would be entry and c, d mid; all three cost 20, so all are entry.
        Assert.Equal(
            [PriceTier.Entry, PriceTier.Entry, PriceTier.Entry, PriceTier.Entry, PriceTier.Premium, PriceTier.Premium],
            tiers.Select(tier => tier.Tier));
    }

    [Fact]
    public void Unpriced_skus_and_other_categories_are_left_out()
    {
        var model = new CrossSellModel();
        model.Learn([new BasketLine("a", "tents", 10m), new BasketLine("b", "tents"), new BasketLine("c", "stoves", 15m)]);

        var tiers = model.PriceTiers("tents");

        Assert.Equal(["a"], tiers.Select(tier => tier.Sku));
        Assert.Empty(model.PriceTiers("kayaks"));
    }

    [Fact]
    public void A_recategorised_sku_moves_to_its_new_category_tiers()
    {
        var model = new CrossSellModel();
        model.Learn([new BasketLine("headlamp", "camping", 25m)]);

        model.Learn([new BasketLine("headlamp", "lighting")]);

        Assert.Empty(model.PriceTiers("camping"));
        Assert.Equal(new SkuPriceTier("headlamp", 25m, 1, 2, PriceTier.Entry), Assert.Single(model.PriceTiers("lighting")));
    }
}
