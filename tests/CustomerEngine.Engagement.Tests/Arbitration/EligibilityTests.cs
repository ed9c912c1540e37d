using CustomerEngine.Domain.Events;
using CustomerEngine.Domain.Lifecycle;
using CustomerEngine.Domain.Segments;
using CustomerEngine.Domain.Value;
using CustomerEngine.Engagement.Actions;
using CustomerEngine.Engagement.Arbitration;
using CustomerEngine.Engagement.Candidates;
using CustomerEngine.Engagement.Contact;
using CustomerEngine.Engagement.Tests.Support;
using static CustomerEngine.Engagement.Tests.Support.CustomerEvents;
using static CustomerEngine.Engagement.Tests.Support.TestActions;

namespace CustomerEngine.Engagement.Tests.Arbitration;

public sealed class EligibilityTests
{
    // A new (one purchase), value-driven, individual customer, medium tier on an empty distribution.
    private static readonly CustomerEvents NewCustomer = new CustomerEvents().Registered(T0.AddDays(-30)).Purchase(T0.AddDays(-10));

    [Fact]
    public void An_action_for_other_stages_is_suppressed_as_ineligible()
    {
        var result = Arbitrate(NewCustomer.Context(T0, Catalog(Action("a", eligibility: new() { Stages = [LifecycleStage.AtRisk, LifecycleStage.Churned] }))));

        Assert.Empty(result.Suggestions);
        var suppressed = Assert.Single(result.Suppressed);
        Assert.Equal(SuppressionReason.Ineligible, suppressed.Reason);
        Assert.Equal("stage new is not one of: atRisk, churned", suppressed.Detail);
    }

    [Fact]
    public void An_action_for_the_customer_stage_is_offered()
    {
        var result = Arbitrate(NewCustomer.Context(T0, Catalog(Action("a", eligibility: new() { Stages = [LifecycleStage.New] }))));

        Assert.Equal("a", Assert.Single(result.Suggestions).ActionId);
    }

    [Fact]
    public void Tier_restrictions_follow_the_customer_tier()
    {
        var catalog = Catalog(Action("vip", eligibility: new() { Tiers = [ValueTier.High] }));

        Assert.Equal("tier medium is not one of: high", Assert.Single(Arbitrate(NewCustomer.Context(T0, catalog)).Suppressed).Detail);
        Assert.Single(Arbitrate(NewCustomer.Context(T0, catalog, ValueTier.High)).Suggestions);
    }

    [Fact]
    public void A_customer_without_a_tier_is_not_eligible_for_a_tier_restricted_action()
    {
        var prospect = new CustomerEvents().Registered(T0.AddDays(-1));

        var suppressed = Assert.Single(Arbitrate(prospect.Context(T0, Catalog(Action("a", eligibility: new() { Tiers = [ValueTier.Low] })))).Suppressed);

        Assert.Equal("tier is not known yet (needs one of: low)", suppressed.Detail);
    }

    [Fact]
    public void Segment_restrictions_follow_the_customer_segments()
    {
        var discountHunter = new CustomerEvents().Registered(T0.AddDays(-30)).Purchase(T0.AddDays(-10), price: 20m, discount: 10m);
        var catalog = Catalog(Action("coupon", eligibility: new() { PriceSensitivities = [PriceSensitivity.PriceDriven] }));

        Assert.Single(Arbitrate(discountHunter.Context(T0, catalog)).Suggestions);
        Assert.Equal("price sensitivity valueDriven is not one of: priceDriven", Assert.Single(Arbitrate(NewCustomer.Context(T0, catalog)).Suppressed).Detail);
    }

    [Fact]
    public void Account_actions_go_to_organisations_and_personal_ones_to_consumers()
    {
        var catalog = Catalog(
            Action("account-manager", eligibility: new() { CustomerKinds = [CustomerKind.Organization] }),
            Action("birthday", eligibility: new() { CustomerKinds = [CustomerKind.Individual] }));
        var school = new CustomerEvents().Registered(T0.AddDays(-30), "Hill School", CustomerKind.Organization).Purchase(T0.AddDays(-10));

        Assert.Equal(["account-manager"], Arbitrate(school.Context(T0, catalog)).Suggestions.Select(s => s.ActionId));
        Assert.Equal(["birthday"], Arbitrate(NewCustomer.Context(T0, catalog)).Suggestions.Select(s => s.ActionId));
    }

    [Fact]
    public void Attribute_restrictions_target_plug_in_segments()
    {
        var catalog = Catalog(Action("business-account", eligibility: new() { Attributes = new Dictionary<string, string> { ["segment"] = "entrepreneur" } }));
        var entrepreneur = new CustomerEvents().Registered(T0.AddDays(-30), attributes: new Dictionary<string, string> { ["segment"] = "entrepreneur" });

        Assert.Single(Arbitrate(entrepreneur.Context(T0, catalog)).Suggestions);
        Assert.Equal("attribute segment is not entrepreneur", Assert.Single(Arbitrate(NewCustomer.Context(T0, catalog)).Suppressed).Detail);
    }

    [Fact]
    public void An_action_that_needs_consent_is_suppressed_until_it_is_granted()
    {
        var catalog = Catalog(Action("newsletter", eligibility: new() { RequiredConsent = new ConsentRequirement("email", "marketing") }));
        var granted = new CustomerEvents().Registered(T0.AddDays(-30)).Consent(T0.AddDays(-5), "email", "marketing", granted: true);
        var withdrawn = new CustomerEvents().Registered(T0.AddDays(-30))
            .Consent(T0.AddDays(-5), "email", "marketing", granted: true)
            .Consent(T0.AddDays(-1), "email", null, granted: false);

        var never = Assert.Single(Arbitrate(NewCustomer.Context(T0, catalog)).Suppressed);
        Assert.Equal((SuppressionReason.Consent, "no consent for email/marketing"), (never.Reason, never.Detail));
        Assert.Single(Arbitrate(granted.Context(T0, catalog)).Suggestions);
        Assert.Equal(SuppressionReason.Consent, Assert.Single(Arbitrate(withdrawn.Context(T0, catalog)).Suppressed).Reason);
    }

    private static ArbitrationResult Arbitrate(EngagementContext context) =>
        new Arbitrator([new EveryActionProvider()], []).Arbitrate(context, FlatPropensity(), ContactHistory.Empty, new Random(1));
}
