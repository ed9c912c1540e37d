using CustomerEngine.Domain.Events;
using CustomerEngine.Domain.Value;
using CustomerEngine.Engagement.Actions;
using CustomerEngine.Engagement.Arbitration;
using CustomerEngine.Engagement.Candidates;
using CustomerEngine.Engagement.Contact;
using CustomerEngine.Engagement.Providers;
using CustomerEngine.Engagement.Tests.Support;
using static CustomerEngine.Engagement.Tests.Support.CustomerEvents;
using static CustomerEngine.Engagement.Tests.Support.TestActions;

namespace CustomerEngine.Engagement.Tests.Providers;

public sealed class BuiltInProviderTests
{
    private static readonly ActionCatalog Defaults = ActionCatalog.LoadDefault();

    [Fact]
    public void An_at_risk_customer_gets_a_retention_action_with_the_days_since_the_last_purchase()
    {
        var lapsing = new CustomerEvents().Registered(T0.AddDays(-200)).Purchase(T0.AddDays(-120)).Purchase(T0.AddDays(-61));

        var candidate = Assert.Single(new RetentionProvider().Propose(lapsing.Context(T0, Defaults)), c => c.Action.Id == "retention.personal-check-in");

        Assert.Equal("Ada has not bought for 61 days and is at risk of lapsing", candidate.Reasons[0]);
    }

    [Fact]
    public void The_value_model_makes_retention_more_urgent_the_less_likely_the_customer_still_buys()
    {
        var lapsing = new CustomerEvents().Registered(T0.AddDays(-200)).Purchase(T0.AddDays(-61));
        var context = lapsing.Context(T0, Defaults, signals: new CustomerValueSignals(ProbabilityAlive: 0.3));

        var result = Arbitrator.CreateDefault().Arbitrate(context, FlatPropensity(), ContactHistory.Empty, new Random(1));

        var retention = Assert.Single(result.Suggestions, s => s.ActionId == "retention.personal-check-in");
        Assert.Equal(1.7, retention.Factors.ContextWeight, 12);
        Assert.Contains("the value model gives a 30% chance they still buy", retention.Reasons);
    }

    [Fact]
    public void The_probability_alive_of_the_customer_view_is_used_when_present()
    {
        var lapsing = new CustomerEvents().Registered(T0.AddDays(-200)).Purchase(T0.AddDays(-61));
        var plain = lapsing.Context(T0, Defaults);
        var withForecast = new EngagementContext(plain.Customer with { Value = plain.Customer.Value with { PAlive = 0.25 } }, lapsing.State(T0), T0, Defaults);

        var weighed = Arbitrator.CreateDefault().Arbitrate(withForecast, FlatPropensity(), ContactHistory.Empty, new Random(1));
        var unweighed = Arbitrator.CreateDefault().Arbitrate(plain, FlatPropensity(), ContactHistory.Empty, new Random(1));

        Assert.Equal(1.75, Assert.Single(weighed.Suggestions, s => s.Kind == ActionKinds.Retention).Factors.ContextWeight, 12);
        Assert.Equal(1.0, Assert.Single(unweighed.Suggestions, s => s.Kind == ActionKinds.Retention).Factors.ContextWeight);
        Assert.Null(plain.ValueSignals);
    }

    [Fact]
    public void An_organisation_at_risk_gets_the_account_action_not_the_consumer_one()
    {
        var school = new CustomerEvents().Registered(T0.AddDays(-200), "Hill School", CustomerKind.Organization).Purchase(T0.AddDays(-70));

        var result = Arbitrator.CreateDefault().Arbitrate(school.Context(T0, Defaults), FlatPropensity(), ContactHistory.Empty, new Random(1));

        Assert.Contains(result.Suggestions, s => s.ActionId == "retention.contract-review");
        Assert.Contains(result.Suppressed, s => s.ActionId == "retention.personal-check-in" && s.Reason == SuppressionReason.Ineligible);
    }

    [Fact]
    public void A_churned_customer_gets_a_win_back_offer_only_with_marketing_consent()
    {
        var lost = new CustomerEvents().Registered(T0.AddDays(-400)).Purchase(T0.AddDays(-200));
        var lostButReachable = new CustomerEvents().Registered(T0.AddDays(-400)).Purchase(T0.AddDays(-200)).Consent(T0.AddDays(-300), "email", "marketing", granted: true);

        var silent = Arbitrator.CreateDefault().Arbitrate(lost.Context(T0, Defaults), FlatPropensity(), ContactHistory.Empty, new Random(1));
        var reachable = Arbitrator.CreateDefault().Arbitrate(lostButReachable.Context(T0, Defaults), FlatPropensity(), ContactHistory.Empty, new Random(1));

        Assert.Contains(silent.Suppressed, s => s.ActionId == "win-back.we-miss-you" && s.Reason == SuppressionReason.Consent);
        var winBack = Assert.Single(reachable.Suggestions, s => s.ActionId == "win-back.we-miss-you");
        Assert.Equal("Ada has not bought for 200 days and counts as lost", winBack.Reasons[0]);
    }

    [Fact]
    public void A_new_customer_is_welcomed_and_invited_into_the_loyalty_programme()
    {
        var newcomer = new CustomerEvents().Registered(T0.AddDays(-10)).Purchase(T0.AddDays(-3));

        var kinds = new[] { new WelcomeProvider(), (ICandidateActionProvider)new LoyaltyEnrolmentProvider() }
            .SelectMany(p => p.Propose(newcomer.Context(T0, Defaults)))
            .Select(c => (c.Action.Id, c.Reasons[0]));

        Assert.Contains(("welcome.first-visit-tour", "Ada made a first purchase 3 days ago"), kinds);
        Assert.Contains(("loyalty.enrol", "Ada has made 1 purchase and is not a loyalty member yet"), kinds);
    }

    [Fact]
    public void Times_in_days_read_as_staff_would_say_them()
    {
        var today = new CustomerEvents().Registered(T0.AddDays(-10)).Purchase(T0.AddHours(-2));
        var yesterday = new CustomerEvents().Registered(T0.AddDays(-10)).Purchase(T0.AddDays(-1));

        Assert.Contains("Ada made a first purchase today", new WelcomeProvider().Propose(today.Context(T0, Defaults)).Select(c => c.Reasons[0]));
        Assert.Contains("Ada made a first purchase yesterday", new WelcomeProvider().Propose(yesterday.Context(T0, Defaults)).Select(c => c.Reasons[0]));

        // Any template can have the number, the moment or the length.
        const string Words = "{days} · {since} · {period}";
        var atRisk = new CustomerEvents().Registered(T0.AddDays(-200)).Purchase(T0.AddDays(-120)).Purchase(T0.AddDays(-61));
        var retention = Catalog(new ActionDefinition("retention.note", ActionKinds.Retention, "Call {name}", Words, 10));
        Assert.Equal("61 · 61 days ago · 61 days", Assert.Single(new RetentionProvider().Propose(atRisk.Context(T0, retention))).Reasons[0]);
        var feedback = Catalog(new ActionDefinition("feedback.note", ActionKinds.FeedbackRequest, "Ask {name}", Words, 10));
        Assert.Equal("1 · yesterday · 1 day", Assert.Single(new FeedbackRequestProvider().Propose(yesterday.Context(T0, feedback))).Reasons[0]);
    }

    [Fact]
    public void Providers_of_one_decision_share_the_common_words_but_never_each_others_own()
    {
        // The loyalty provider fills {purchases} and {days}; the welcome provider fills only {days},
        // with its own meaning, and must leave a {purchases} it does not know as written.
        var catalog = new ActionCatalog(1,
        [
            new ActionDefinition("loyalty.enrol", ActionKinds.LoyaltyEnrolment, "Enrol {name}", "{name} in {store}: {purchases}, first {days} days ago", 10),
            new ActionDefinition("welcome.tour", ActionKinds.Welcome, "Welcome {name}", "{name} in {store}: {purchases}, first {days} days ago", 10),
        ]);
        var context = new CustomerEvents().Registered(T0.AddDays(-30)).Purchase(T0.AddDays(-12)).Context(T0, catalog);

        var loyalty = Assert.Single(new LoyaltyEnrolmentProvider().Propose(context));
        var welcome = Assert.Single(new WelcomeProvider().Propose(context));
        var loyaltyAgain = Assert.Single(new LoyaltyEnrolmentProvider().Propose(context));

        Assert.Equal("Ada in S1: 1 purchase, first 12 days ago", loyalty.Reasons[0]);
        Assert.Equal("Ada in S1: {purchases}, first 12 days ago", welcome.Reasons[0]);
        Assert.Equal(loyalty.Reasons[0], loyaltyAgain.Reasons[0]);
        Assert.Equal("Welcome Ada", welcome.Action.Title);
    }

    [Fact]
    public void A_loyalty_member_is_not_asked_to_enrol()
    {
        var member = new CustomerEvents().Registered(T0.AddDays(-10), attributes: new Dictionary<string, string> { ["loyaltyMember"] = "true" }).Purchase(T0.AddDays(-3));

        Assert.Empty(new LoyaltyEnrolmentProvider().Propose(member.Context(T0, Defaults)));
    }

    [Fact]
    public void Feedback_is_asked_after_a_recent_purchase_unless_given_lately()
    {
        var quiet = new CustomerEvents().Registered(T0.AddDays(-200)).Purchase(T0.AddDays(-3));
        var talkative = new CustomerEvents().Registered(T0.AddDays(-200)).Feedback(T0.AddDays(-40), nps: 8).Purchase(T0.AddDays(-3));
        var longAgo = new CustomerEvents().Registered(T0.AddDays(-200)).Purchase(T0.AddDays(-30));

        Assert.Single(new FeedbackRequestProvider().Propose(quiet.Context(T0, Defaults)));
        Assert.Empty(new FeedbackRequestProvider().Propose(talkative.Context(T0, Defaults)));
        Assert.Empty(new FeedbackRequestProvider().Propose(longAgo.Context(T0, Defaults)));
    }

    [Fact]
    public void A_promoter_is_asked_for_a_referral()
    {
        var fan = new CustomerEvents().Registered(T0.AddDays(-100)).Purchase(T0.AddDays(-50)).Feedback(T0.AddDays(-5), nps: 10);
        var passive = new CustomerEvents().Registered(T0.AddDays(-100)).Purchase(T0.AddDays(-50)).Feedback(T0.AddDays(-5), nps: 8);

        Assert.Equal("Ada gave an NPS of 10: a promoter whose word carries", Assert.Single(new ReferralProvider().Propose(fan.Context(T0, Defaults))).Reasons[0]);
        Assert.Empty(new ReferralProvider().Propose(passive.Context(T0, Defaults)));
    }

    [Fact]
    public void A_high_value_customer_in_the_store_gets_personal_service_weighted_up()
    {
        var regular = new CustomerEvents().Registered(T0.AddDays(-100)).Purchase(T0.AddDays(-20));

        var inStore = Arbitrator.CreateDefault().Arbitrate(regular.Context(T0, Defaults, ValueTier.High, inStore: "S1"), FlatPropensity(), ContactHistory.Empty, new Random(1));
        var away = new PersonalServiceProvider().Propose(regular.Context(T0, Defaults, ValueTier.High));
        var mediumInStore = new PersonalServiceProvider().Propose(regular.Context(T0, Defaults, ValueTier.Medium, inStore: "S1"));

        var greet = Assert.Single(inStore.Suggestions, s => s.ActionId == "personal-service.greet-by-name");
        Assert.Equal("Greet Ada personally and offer to help", greet.Title);
        Assert.Equal(2.0, greet.Factors.ContextWeight);
        Assert.Empty(away);
        Assert.Empty(mediumInStore);
    }

    [Fact]
    public void A_campaign_reaches_the_customers_its_eligibility_targets()
    {
        var active = new CustomerEvents().Registered(T0.AddDays(-100)).Purchase(T0.AddDays(-50)).Purchase(T0.AddDays(-20))
            .Consent(T0.AddDays(-90), "email", "marketing", granted: true);

        var result = Arbitrator.CreateDefault().Arbitrate(active.Context(T0, Defaults), FlatPropensity(), ContactHistory.Empty, new Random(1));

        var campaign = Assert.Single(result.Suggestions, s => s.ActionId == "campaign.outdoor-weekend");
        Assert.Equal(1.2, campaign.Factors.Lever);
        Assert.Equal("the outdoor weekend campaign targets active customers like Ada", campaign.Reasons[0]);
    }
}
