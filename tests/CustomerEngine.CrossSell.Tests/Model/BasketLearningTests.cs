using CustomerEngine.CrossSell.Baskets;
using CustomerEngine.CrossSell.Model;
using CustomerEngine.CrossSell.Rules;

namespace CustomerEngine.CrossSell.Tests.Model;

public sealed class BasketLearningTests
{
    [Fact]
    public void An_item_twice_in_one_basket_counts_once()
    {
        var model = new CrossSellModel();

        model.Learn(["tent", "tent", "mat", "tent"]);
        model.Learn(["tent"]);

        Assert.Equal(2, model.ItemBaskets("tent"));
        var rule = Assert.Single(model.Associations("tent", 10, AssociationThresholds.None));
        Assert.Equal(new AssociationRule("tent", "mat", 0.5, 0.5, 1.0, 1), rule);
        Assert.Equal(1, model.DistinctPairs);
    }

    [Fact]
    public void A_sku_on_two_lines_of_one_basket_counts_once()
    {
        var model = new CrossSellModel();

        model.Learn([new BasketLine("tent", "camping", 50m), new BasketLine("tent", "camping", 50m), new BasketLine("mat", "sleeping")]);

        Assert.Equal(1, model.ItemBaskets("tent"));
        Assert.Equal(1, model.CategoryBaskets("camping"));
        Assert.Equal(1, Assert.Single(model.Associations("mat", 10, AssociationThresholds.None)).Count);
    }

    [Fact]
    public void An_empty_basket_still_counts_towards_all_baskets()
    {
        var model = new CrossSellModel();

        model.Learn(["tent", "mat"]);
        model.Learn(Array.Empty<string>());

        Assert.Equal(2, model.Baskets);
        Assert.Equal(0.5, Assert.Single(model.Associations("tent", 10, AssociationThresholds.None)).Support);
    }

    [Fact]
    public void Skus_are_compared_exactly_without_trimming_or_case_folding()
    {
        var model = new CrossSellModel();

        model.Learn(["cream cheese ", "cream cheese", "Cream cheese"]);

        Assert.Equal(3, model.DistinctItems);
        Assert.Equal(3, model.DistinctPairs);
    }

    [Fact]
    public void A_basket_with_a_blank_sku_is_rejected_whole()
    {
        var model = new CrossSellModel();

        Assert.Throws<ArgumentException>(() => model.Learn(["tent", " "]));

        Assert.Equal(0, model.Baskets);
        Assert.Equal(0, model.ItemBaskets("tent"));
    }

    [Fact]
    public void A_basket_line_cannot_have_a_negative_price_or_a_blank_category()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BasketLine("tent", "camping", -1m));
        Assert.Throws<ArgumentException>(() => new BasketLine("tent", ""));
        Assert.Throws<ArgumentException>(() => new BasketLine(""));
    }

    [Fact]
    public void An_unknown_sku_has_no_associations()
    {
        var model = new CrossSellModel();
        model.Learn(["tent", "mat"]);

        Assert.Empty(model.Associations("stove", 10, AssociationThresholds.None));
        Assert.Equal(0, model.ItemBaskets("stove"));
    }

    [Fact]
    public void Distinct_pairs_count_each_unordered_pair_once()
    {
        var model = new CrossSellModel();

        model.Learn(["a", "b", "c"]);
        model.Learn(["b", "a"]);
        model.Learn(["d", "a"]);

        Assert.Equal(4, model.DistinctPairs);
        Assert.Equal(4, model.DistinctItems);
    }

    [Fact]
    public void Category_baskets_count_each_category_once_per_basket()
    {
        var model = new CrossSellModel();

        model.Learn([new BasketLine("tent", "camping"), new BasketLine("stove", "camping"), new BasketLine("mat", "sleeping")]);
        model.Learn([new BasketLine("tent", "camping")]);
        model.Learn([new BasketLine("bread", "grocery")]);
        model.Learn([new BasketLine("pad", "sleeping"), new BasketLine("bread", "grocery")]);

        // camping in baskets 1 and 2, sleeping in 1 and 4, grocery in 3 and 4; N = 4.
        Assert.Equal(2, model.CategoryBaskets("camping"));
        Assert.Equal(3, model.DistinctCategories);
        Assert.Equal(
            [
                new AssociationRule("sleeping", "camping", 0.25, 0.5, 1.0, 1),
                new AssociationRule("sleeping", "grocery", 0.25, 0.5, 1.0, 1),
            ],
            model.CategoryAssociations("sleeping", 10, AssociationThresholds.None));
    }

    [Fact]
    public void A_line_without_a_category_counts_in_the_category_already_known_for_its_sku()
    {
        var model = new CrossSellModel();
        model.Learn([new BasketLine("tent", "camping")]);

        model.Learn([new BasketLine("tent"), new BasketLine("mat", "sleeping")]);

        Assert.Equal(2, model.CategoryBaskets("camping"));
        Assert.Equal(1, Assert.Single(model.CategoryAssociations("camping", 10, AssociationThresholds.None)).Count);
    }

    [Fact]
    public void Plain_sku_baskets_count_towards_all_baskets_at_category_level_too()
    {
        var model = new CrossSellModel();
        model.Learn([new BasketLine("tent", "camping"), new BasketLine("mat", "sleeping")]);

        model.Learn(["bread"]);

        // A category's support is a share of every basket, whether or not its lines had categories.
        Assert.Equal(0.5, Assert.Single(model.CategoryAssociations("camping", 10, AssociationThresholds.None)).Support);
    }

    [Fact]
    public void The_latest_category_given_for_a_sku_is_the_one_kept()
    {
        var model = new CrossSellModel();

        model.Learn([new BasketLine("headlamp", "camping")]);
        model.Learn([new BasketLine("headlamp", "lighting")]);
        model.Learn([new BasketLine("headlamp")]);

        Assert.Equal("lighting", model.CategoryOf("headlamp"));
        Assert.Null(model.CategoryOf("unknown"));
    }

    [Fact]
    public void The_mean_price_of_a_sku_is_the_mean_of_every_priced_line()
    {
        var model = new CrossSellModel();

        model.Learn([new BasketLine("tent", Price: 10m)]);
        model.Learn([new BasketLine("tent", Price: 30m), new BasketLine("mat")]);
        model.Learn([new BasketLine("tent", Price: 35m)]);

        Assert.Equal(25m, model.MeanPrice("tent"));
        Assert.Null(model.MeanPrice("mat"));
    }
}
