using CustomerEngine.CrossSell.Baskets;
using CustomerEngine.Domain.Customers;
using CustomerEngine.Domain.Value;
using CustomerEngine.Engagement.Actions;
using CustomerEngine.Engagement.Candidates;
using CustomerEngine.Engagement.Tests.Support;
using static CustomerEngine.Engagement.Tests.Support.CustomerEvents;

namespace CustomerEngine.Engagement.Tests.Candidates;

public sealed class EngagementContextTests
{
    [Fact]
    public void The_basket_is_what_was_added_to_the_cart_since_the_last_purchase()
    {
        var customer = new CustomerEvents()
            .Registered(T0.AddDays(-10))
            .CartAdded(T0.AddDays(-2), "old-item")
            .Purchase(T0.AddDays(-2).AddMinutes(5), "old-item")
            .CartAdded(T0.AddMinutes(-30), "tent")
            .CartAdded(T0.AddMinutes(-20), "mat", quantity: 2)
            .CartAdded(T0.AddMinutes(-10), "tent");

        var context = customer.Context(T0, ActionCatalog.Empty);

        Assert.Equal([new BasketLine("tent"), new BasketLine("mat")], context.Basket);
    }

    [Fact]
    public void A_triggering_cart_addition_lends_its_category_and_price_to_the_basket_line()
    {
        var customer = new CustomerEvents().Registered(T0.AddDays(-10)).CartAdded(T0.AddMinutes(-1), "tent");
        var trigger = customer.Last with { Data = new Domain.Events.CartAdded("tent", "tents", null, 59m, 1) };
        var state = customer.State(T0);

        var context = new EngagementContext(CustomerViews(state), state, T0, ActionCatalog.Empty) { TriggeringEvent = trigger };

        Assert.Equal([new BasketLine("tent", "tents", 59m)], context.Basket);
    }

    [Fact]
    public void A_basket_passed_by_the_caller_replaces_the_derived_one()
    {
        var customer = new CustomerEvents().Registered(T0.AddDays(-10)).CartAdded(T0.AddMinutes(-1), "tent");
        var state = customer.State(T0);

        var context = new EngagementContext(CustomerViews(state), state, T0, ActionCatalog.Empty) { Basket = [OutdoorBaskets.Stove] };

        Assert.Equal([OutdoorBaskets.Stove], context.Basket);
    }

    [Fact]
    public void A_view_and_a_state_of_different_customers_are_refused()
    {
        var ada = new CustomerEvents("c-1").Registered(T0).State(T0);
        var bob = new CustomerEvents("c-2").Registered(T0).State(T0);

        Assert.Throws<ArgumentException>(() => new EngagementContext(CustomerViews(ada), bob, T0, ActionCatalog.Empty));
    }

    private static Domain.Views.Customer360 CustomerViews(CustomerState state) =>
        Domain.Views.CustomerViews.To360(state, T0, ValueDistribution.Empty, CustomerRules.Default);
}
