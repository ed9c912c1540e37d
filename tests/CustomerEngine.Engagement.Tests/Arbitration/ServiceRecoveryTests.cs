using CustomerEngine.Domain.Value;
using CustomerEngine.Engagement.Actions;
using CustomerEngine.Engagement.Arbitration;
using CustomerEngine.Engagement.Contact;
using CustomerEngine.Engagement.Providers;
using CustomerEngine.Engagement.Tests.Support;
using static CustomerEngine.Engagement.Tests.Support.CustomerEvents;
using static CustomerEngine.Engagement.Tests.Support.TestActions;

namespace CustomerEngine.Engagement.Tests.Arbitration;

public sealed class ServiceRecoveryTests
{
    private static readonly ActionCatalog Defaults = ActionCatalog.LoadDefault();

    private static readonly Arbitrator Engine = Arbitrator.CreateDefault(
        providerOptions: new BuiltInProviderOptions { CrossSell = new() { MinItemBaskets = 1 } });

    private static CustomerEvents ShopperWithTentInBasket() =>
        new CustomerEvents()
            .Registered(T0.AddDays(-40))
            .Purchase(T0.AddDays(-20), "socks")
            .CartAdded(T0.AddMinutes(-10), "tent");

    [Fact]
    public void A_complaint_opened_today_says_so_rather_than_open_for_0_days()
    {
        var customer = ShopperWithTentInBasket().ComplaintOpened(T0.AddHours(-1), "C-2");

        var result = Engine.Arbitrate(customer.Context(T0, Defaults, ValueTier.High, "S1", OutdoorBaskets.Learned()), FlatPropensity(), ContactHistory.Empty, new Random(1));

        Assert.Equal("complaint C-2 opened today: apologise, put it right and offer a goodwill voucher", result.Suggestions[0].Reasons[0]);
    }

    [Fact]
    public void An_open_complaint_puts_service_recovery_first_and_removes_sales_offers()
    {
        var customer = ShopperWithTentInBasket().ComplaintOpened(T0.AddDays(-2), "C-1");

        var result = Engine.Arbitrate(customer.Context(T0, Defaults, ValueTier.High, "S1", OutdoorBaskets.Learned()), FlatPropensity(), ContactHistory.Empty, new Random(1));

        Assert.True(result.RecoveryApplies);
        Assert.Equal("service-recovery.goodwill-voucher", result.Suggestions[0].ActionId);
        Assert.Equal("complaint C-1 open for 2 days: apologise, put it right and offer a goodwill voucher", result.Suggestions[0].Reasons[0]);
        Assert.DoesNotContain(result.Suggestions, s => Defaults.Find(s.ActionId)!.IsSales);
        var crossSell = Assert.Single(result.Suppressed, s => s.ActionId == "cross-sell.companion-product");
        Assert.Equal(SuppressionReason.Recovery, crossSell.Reason);
        Assert.Equal("service recovery comes first: complaint C-1 open for 2 days", crossSell.Detail);
    }

    [Fact]
    public void A_complaint_withdraws_the_sales_offers_already_on_screen()
    {
        var shopper = ShopperWithTentInBasket();
        var before = Engine.Arbitrate(shopper.Context(T0, Defaults, ValueTier.High, "S1", OutdoorBaskets.Learned()), FlatPropensity(), ContactHistory.Empty, new Random(1));
        var crossSell = Assert.Single(before.Suggestions, s => s.ActionId == "cross-sell.companion-product");

        shopper.ComplaintOpened(T0.AddMinutes(5), "C-2");
        var after = Engine.Arbitrate(shopper.Context(T0.AddMinutes(6), Defaults, ValueTier.High, "S1", OutdoorBaskets.Learned()), FlatPropensity(), before.History, new Random(2));

        Assert.Contains(crossSell.SuggestionId, after.Withdrawn);
        Assert.Equal(ActionKinds.ServiceRecovery, after.Suggestions[0].Kind);
        Assert.DoesNotContain(after.Suggestions, s => Defaults.Find(s.ActionId)!.IsSales);
    }

    [Fact]
    public void Once_the_complaint_is_resolved_sales_offers_return()
    {
        var customer = ShopperWithTentInBasket().ComplaintOpened(T0.AddDays(-2), "C-1").ComplaintResolved(T0.AddHours(-1), "C-1");

        var result = Engine.Arbitrate(customer.Context(T0, Defaults, ValueTier.High, "S1", OutdoorBaskets.Learned()), FlatPropensity(), ContactHistory.Empty, new Random(1));

        Assert.False(result.RecoveryApplies);
        Assert.DoesNotContain(result.Suggestions, s => s.Kind == ActionKinds.ServiceRecovery);
        Assert.Contains(result.Suggestions, s => s.ActionId == "cross-sell.companion-product");
    }

    [Fact]
    public void A_detractor_score_within_30_days_starts_service_recovery()
    {
        var customer = ShopperWithTentInBasket().Feedback(T0.AddDays(-29), nps: 4);

        var result = Engine.Arbitrate(customer.Context(T0, Defaults, ValueTier.High, "S1", OutdoorBaskets.Learned()), FlatPropensity(), ContactHistory.Empty, new Random(1));

        Assert.True(result.RecoveryApplies);
        Assert.Equal("gave an NPS of 4 (29 days ago): apologise, put it right and offer a goodwill voucher", result.Suggestions[0].Reasons[0]);
        Assert.Contains(result.Suppressed, s => s.ActionId == "cross-sell.companion-product" && s.Reason == SuppressionReason.Recovery);
    }

    [Fact]
    public void A_detractor_score_older_than_30_days_no_longer_holds_back_sales()
    {
        var customer = ShopperWithTentInBasket().Feedback(T0.AddDays(-31), nps: 4);

        var result = Engine.Arbitrate(customer.Context(T0, Defaults, ValueTier.High, "S1", OutdoorBaskets.Learned()), FlatPropensity(), ContactHistory.Empty, new Random(1));

        Assert.False(result.RecoveryApplies);
        Assert.DoesNotContain(result.Suggestions, s => s.Kind == ActionKinds.ServiceRecovery);
        Assert.Contains(result.Suggestions, s => s.ActionId == "cross-sell.companion-product");
    }

    [Fact]
    public void The_recovery_window_is_configurable()
    {
        var customer = ShopperWithTentInBasket().Feedback(T0.AddDays(-10), nps: 6);
        var shortWindow = Arbitrator.CreateDefault(new ContactPolicyOptions { RecoveryWindow = TimeSpan.FromDays(7) });

        var result = shortWindow.Arbitrate(customer.Context(T0, Defaults), FlatPropensity(), ContactHistory.Empty, new Random(1));

        Assert.False(result.RecoveryApplies);
    }

    [Fact]
    public void Recovery_ranks_first_even_with_the_lowest_priority_and_sales_are_withheld()
    {
        var catalog = Catalog(
            Action("sorry", ActionKinds.ServiceRecovery, value: 0.01),
            Action("greet", ActionKinds.PersonalService, value: 1000),
            Action("campaign", ActionKinds.CampaignOffer, value: 1000),
            Action("tea", "pluginTea", value: 500) with { Sales = true });
        var arbitrator = new Arbitrator([new EveryActionProvider()], []);

        var result = arbitrator.Arbitrate(new CustomerEvents().Registered(T0.AddDays(-1)).Context(T0, catalog), FlatPropensity(), ContactHistory.Empty, new Random(1));

        Assert.Equal(["sorry", "greet"], result.Suggestions.Select(s => s.ActionId));
        Assert.True(result.Suggestions[0].Priority < result.Suggestions[1].Priority);
        Assert.Equal(["campaign", "tea"], result.Suppressed.Where(s => s.Reason == SuppressionReason.Recovery).Select(s => s.ActionId));
    }
}
