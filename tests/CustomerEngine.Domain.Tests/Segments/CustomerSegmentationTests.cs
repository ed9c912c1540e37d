using CustomerEngine.Domain.Customers;
using CustomerEngine.Domain.Events;
using CustomerEngine.Domain.Segments;
using CustomerEngine.Domain.Tests.Support;

namespace CustomerEngine.Domain.Tests.Segments;

public sealed class CustomerSegmentationTests
{
    private static readonly SegmentRules Rules = new();

    [Fact]
    public void Customer_without_behaviour_has_no_segments()
    {
        var segments = CustomerSegmentation.Evaluate(CustomerEvolver.Create("c-1"), Rules);

        Assert.Equal(new CustomerSegments(null, null, null), segments);
    }

    [Theory]
    [InlineData(50, 50, PriceSensitivity.PriceDriven)]
    [InlineData(49.99, 50.01, PriceSensitivity.ValueDriven)]
    [InlineData(100, 0, PriceSensitivity.PriceDriven)]
    [InlineData(0, 100, PriceSensitivity.ValueDriven)]
    public void Customer_spending_at_least_half_on_discounted_items_is_price_driven(decimal discountedSpend, decimal fullPriceSpend, PriceSensitivity expected)
    {
        var history = new History();
        var items = new List<PurchaseItem>();
        if (discountedSpend > 0)
        {
            items.Add(History.Item("sale", discountedSpend + 1m, discount: 1m));
        }

        if (fullPriceSpend > 0)
        {
            items.Add(History.Item("full", fullPriceSpend));
        }

        var state = Fold.Apply(history.Purchase("2025-01-15", discountedSpend + fullPriceSpend, items: [.. items]));

        Assert.Equal(expected, CustomerSegmentation.Evaluate(state, Rules).PriceSensitivity);
    }

    [Fact]
    public void Price_sensitivity_is_judged_over_all_purchases()
    {
        var history = new History();

        var state = Fold.Apply(
            history.Purchase("2025-01-15", 30m, items: [History.Item("sale", 40m, discount: 10m)]),
            history.Purchase("2025-02-15", 31m, items: [History.Item("full", 31m)]));

        Assert.Equal(PriceSensitivity.ValueDriven, CustomerSegmentation.Evaluate(state, Rules).PriceSensitivity);
    }

    [Fact]
    public void Configured_price_driven_share_is_used()
    {
        var history = new History();
        var state = Fold.Apply(history.Purchase("2025-01-15", 100m, items: [History.Item("sale", 31m, discount: 1m), History.Item("full", 70m)]));

        Assert.Equal(PriceSensitivity.PriceDriven, CustomerSegmentation.Evaluate(state, Rules with { PriceDrivenShare = 0.3m }).PriceSensitivity);
        Assert.Equal(PriceSensitivity.ValueDriven, CustomerSegmentation.Evaluate(state, Rules).PriceSensitivity);
    }

    [Theory]
    [InlineData(new[] { 3, 2 }, BrandLoyalty.Loyal)]
    [InlineData(new[] { 3 }, BrandLoyalty.Loyal)]
    [InlineData(new[] { 59, 41 }, BrandLoyalty.Switcher)]
    [InlineData(new[] { 60, 40 }, BrandLoyalty.Loyal)]
    [InlineData(new[] { 1, 1, 1 }, BrandLoyalty.Switcher)]
    [InlineData(new[] { 1, 1, 1, 1 }, BrandLoyalty.MultiBrandExplorer)]
    [InlineData(new[] { 34, 33, 33 }, BrandLoyalty.Switcher)]
    [InlineData(new[] { 34, 22, 22, 22 }, BrandLoyalty.MultiBrandExplorer)]
    [InlineData(new[] { 35, 22, 22, 21 }, BrandLoyalty.Switcher)]
    public void Brand_loyalty_follows_the_top_brand_share_and_number_of_brands(int[] unitsPerBrand, BrandLoyalty expected)
    {
        var history = new History();
        var items = unitsPerBrand.Select((units, i) => History.Item("sku-" + i, 1m, units, "brand-" + i)).ToArray();

        var state = Fold.Apply(history.Purchase("2025-01-15", unitsPerBrand.Sum(), items: items));

        Assert.Equal(expected, CustomerSegmentation.Evaluate(state, Rules).Loyalty);
    }

    [Fact]
    public void Brand_loyalty_is_not_judged_below_the_minimum_of_branded_items()
    {
        var history = new History();

        var state = Fold.Apply(history.Purchase("2025-01-15", 30m, items: [History.Item("a", 10m, 2, "Acme"), History.Item("b", 10m, 5)]));

        Assert.Null(CustomerSegmentation.Evaluate(state, Rules).Loyalty);
        Assert.Equal(BrandLoyalty.Loyal, CustomerSegmentation.Evaluate(state, Rules with { MinBrandedItems = 2 }).Loyalty);
    }

    [Theory]
    [InlineData(7, 3, 0, 0, ChannelPreference.Store)]
    [InlineData(6, 4, 0, 0, ChannelPreference.Omnichannel)]
    [InlineData(3, 4, 3, 0, ChannelPreference.Online)]
    [InlineData(3, 0, 7, 0, ChannelPreference.Online)]
    [InlineData(7, 0, 0, 3, ChannelPreference.Store)]
    [InlineData(6, 0, 0, 4, ChannelPreference.Omnichannel)]
    [InlineData(0, 0, 0, 3, ChannelPreference.Omnichannel)]
    [InlineData(3, 0, 0, 0, ChannelPreference.Store)]
    public void Channel_preference_needs_seventy_percent_in_one_channel_with_app_counting_as_online(
        int store, int online, int app, int callCenter, ChannelPreference expected)
    {
        var state = CustomerEvolver.Create("c-1");
        state.SegmentInputs.StoreInteractions = store;
        state.SegmentInputs.OnlineInteractions = online;
        state.SegmentInputs.AppInteractions = app;
        state.SegmentInputs.CallCenterInteractions = callCenter;

        Assert.Equal(expected, CustomerSegmentation.Evaluate(state, Rules).Channel);
    }

    [Fact]
    public void Channel_preference_is_not_judged_below_the_minimum_of_interactions()
    {
        var history = new History();

        var state = Fold.Apply(history.Entered("2025-01-10"), history.Viewed("2025-01-11", channel: null), history.Entered("2025-01-12"));

        Assert.Null(CustomerSegmentation.Evaluate(state, Rules).Channel);
        CustomerEvolver.Apply(state, history.Entered("2025-01-13"), CustomerRules.Default);
        Assert.Equal(ChannelPreference.Store, CustomerSegmentation.Evaluate(state, Rules).Channel);
    }

    [Fact]
    public void Segments_come_from_folded_events()
    {
        var state = CustomerEvolver.Replay("c-1", RealisticHistory.Build().Events, CustomerRules.Default);

        var segments = CustomerSegmentation.Evaluate(state, Rules);

        // Item spend 110 + 60 + 45 + 60 + 15 + 25 = 315, of which discounted 110 + 60 = 170 (54%).
        Assert.Equal(PriceSensitivity.PriceDriven, segments.PriceSensitivity);

        // Acme 4, Zeta 2, Bolt 2, Cirrus 1: top share 44%, four brands but not below 35%.
        Assert.Equal(BrandLoyalty.Switcher, segments.Loyalty);
        Assert.Equal(ChannelPreference.Omnichannel, segments.Channel);
    }
}
