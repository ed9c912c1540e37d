using CustomerEngine.Campaigns.Evaluation;
using CustomerEngine.Campaigns.Tests.Support;
using CustomerEngine.Campaigns.Triggers;
using CustomerEngine.Domain.Events;
using CustomerEngine.Domain.Lifecycle;
using CustomerEngine.Domain.Segments;

namespace CustomerEngine.Campaigns.Tests;

public sealed class TriggerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_tents_purchase_by_someone_in_the_audience_triggers_once_per_event()
    {
        var campaign = CampaignCompiler.Compile("c1", CampaignDefinitions.Read(CampaignDefinitions.ContractExample)).Campaign!;
        var customer = CustomerViews.Subject();

        var tents = campaign.Evaluate(customer, TriggerSubject.ForEvent(Purchase("e1", "tents", "stoves")), Now);
        var stoves = campaign.Evaluate(customer, TriggerSubject.ForEvent(Purchase("e2", "stoves")), Now);
        var visit = campaign.Evaluate(customer, TriggerSubject.ForEvent(Entered("e3")), Now);
        var outsider = campaign.Evaluate(CustomerViews.Subject(price: PriceSensitivity.PriceDriven), TriggerSubject.ForEvent(Purchase("e4", "tents")), Now);

        Assert.Equal(CampaignDecision.Triggered, tents.Decision);
        Assert.Equal("event:e1", tents.TriggerKey);
        Assert.False(tents.Standing);
        Assert.Equal(CampaignDecision.InAudience, stoves.Decision);
        Assert.Equal(CampaignDecision.NotApplicable, visit.Decision);
        Assert.Equal(CampaignDecision.OutsideAudience, outsider.Decision);
    }

    [Fact]
    public void A_store_entry_trigger_can_test_the_events_top_level_store()
    {
        var campaign = Compile("""{ "eventType": "store.entered", "where": { "field": "storeId", "equals": "S2" } }""");

        Assert.Equal(CampaignDecision.Triggered, campaign.Evaluate(CustomerViews.Subject(), TriggerSubject.ForEvent(Entered("e1", "S2")), Now).Decision);
        Assert.Equal(CampaignDecision.InAudience, campaign.Evaluate(CustomerViews.Subject(), TriggerSubject.ForEvent(Entered("e2", "S1")), Now).Decision);
    }

    [Fact]
    public void A_purchase_total_can_be_a_range()
    {
        var campaign = Compile("""{ "eventType": "purchase", "where": { "field": "total", "gte": 100 } }""");

        Assert.Equal(CampaignDecision.Triggered, campaign.Evaluate(CustomerViews.Subject(), TriggerSubject.ForEvent(Purchase("e1", "tents")), Now).Decision);
        Assert.Equal(CampaignDecision.InAudience, campaign.Evaluate(CustomerViews.Subject(), TriggerSubject.ForEvent(Purchase("e2", "socks", total: 12)), Now).Decision);
    }

    [Fact]
    public void A_recent_change_into_at_risk_triggers_and_an_old_one_does_not()
    {
        var campaign = Compile("""{ "eventType": "lifecycle.changed", "where": { "field": "to", "equals": "atRisk" } }""");
        var recent = CustomerViews.Subject(stage: LifecycleStage.AtRisk, history: [new LifecycleTransition(LifecycleStage.Active, LifecycleStage.AtRisk, Now.AddHours(-2), "no purchase for 60 days")]);
        var old = CustomerViews.Subject(stage: LifecycleStage.AtRisk, history: [new LifecycleTransition(LifecycleStage.Active, LifecycleStage.AtRisk, Now.AddDays(-3), "no purchase for 60 days")]);
        var intoChurned = CustomerViews.Subject(stage: LifecycleStage.Churned, history: [new LifecycleTransition(LifecycleStage.AtRisk, LifecycleStage.Churned, Now.AddHours(-1), "no purchase for 180 days")]);

        var triggered = campaign.Evaluate(recent, null, Now);

        Assert.Equal(CampaignDecision.Triggered, triggered.Decision);
        Assert.StartsWith("lifecycle:", triggered.TriggerKey, StringComparison.Ordinal);
        Assert.Equal(CampaignDecision.NotApplicable, campaign.Evaluate(old, null, Now).Decision);
        Assert.Equal(CampaignDecision.InAudience, campaign.Evaluate(intoChurned, null, Now).Decision);
    }

    [Fact]
    public void A_standing_offer_applies_at_every_decision_while_in_the_audience()
    {
        var campaign = CampaignCompiler.Compile("c1", CampaignDefinitions.With("""{ "field": "lifecycle.stage", "equals": "active" }""")).Campaign!;

        var decision = campaign.Evaluate(CustomerViews.Subject(), null, Now);

        Assert.Equal(CampaignDecision.Triggered, decision.Decision);
        Assert.True(decision.Standing);
        Assert.Equal(CampaignDecision.OutsideAudience, campaign.Evaluate(CustomerViews.Subject(stage: LifecycleStage.Churned), null, Now).Decision);
    }

    [Fact]
    public void Outside_its_schedule_a_campaign_does_not_apply()
    {
        var campaign = CampaignCompiler.Compile("c1", CampaignDefinitions.With(extra: """ "schedule": { "start": "2026-12-01T00:00:00Z" } """)).Campaign!;

        Assert.Equal(CampaignDecision.NotApplicable, campaign.Evaluate(CustomerViews.Subject(), null, Now).Decision);
        Assert.Equal(CampaignDecision.Triggered, campaign.Evaluate(CustomerViews.Subject(), null, Now.AddMonths(1)).Decision);
    }

    private static CompiledCampaign Compile(string trigger)
    {
        var compilation = CampaignCompiler.Compile("c1", CampaignDefinitions.With(trigger: trigger));
        Assert.Empty(compilation.Errors);
        return compilation.Campaign!;
    }

    private static CustomerEvent Purchase(string id, string category, string? second = null, decimal total = 150m)
    {
        List<PurchaseItem> items = [new PurchaseItem("SKU-" + category, category, "Acme", total, 1, 0m)];
        if (second is not null)
        {
            items.Add(new PurchaseItem("SKU-" + second, second, "Acme", 10m, 1, 0m));
        }

        return new CustomerEvent(id, "c-1", null, EventTypes.Purchase, Now.AddMinutes(-1), "S1", EventChannel.Store, new Purchase("o-" + id, items, total));
    }

    private static CustomerEvent Entered(string id, string store = "S1") =>
        new(id, "c-1", null, EventTypes.StoreEntered, Now.AddMinutes(-1), store, EventChannel.Store, new StoreEntered());
}
