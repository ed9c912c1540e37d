using CustomerEngine.Campaigns.Definitions;
using CustomerEngine.Campaigns.Results;
using CustomerEngine.Domain.Customers;
using CustomerEngine.Domain.Events;
using CustomerEngine.Domain.Value;
using CustomerEngine.Domain.Views;
using CustomerEngine.Engagement.Actions;
using CustomerEngine.Engagement.Arbitration;
using CustomerEngine.Engagement.Candidates;
using CustomerEngine.Engagement.Contact;
using CustomerEngine.Grains.Campaigns;
using CustomerEngine.Grains.Engagement;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Grains.Tests.Campaigns;

/// <summary>
/// Which campaigns a decision evaluates: only those its event can trigger, the lifecycle ones
/// after a recent change of stage, and the standing offers, with each customer's records found
/// through their own table, which follows every change of the campaign set.
/// </summary>
public sealed class LiveCampaignOffersTests
{
    private const string OnPurchase = """{ "eventType": "purchase" }""";
    private const string OnStoreEntry = """{ "eventType": "store.entered" }""";
    private const string OnLifecycleChange = """{ "eventType": "lifecycle.changed" }""";
    private const string Standing = """{ "whileInAudience": true }""";

    private static readonly DateTimeOffset Now = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);
    private static readonly ActionCatalog Catalog = ActionCatalog.LoadDefault();

    [Fact]
    public async Task A_campaign_triggered_by_another_event_type_is_neither_offered_nor_counted()
    {
        var campaigns = await CampaignsAsync(("entry", OnStoreEntry), ("purchase", OnPurchase));
        var offers = Offers(campaigns);

        var proposed = Decide(offers, Context(LongStandingCustomer("c1"), Purchase("c1", "e1")));

        Assert.Equal(["campaign:purchase"], proposed);
        Assert.Equal(GroupCounts.Zero, campaigns.Find("entry")!.Treatment.Read());
        Assert.Equal(1, campaigns.Find("purchase")!.Treatment.Read().Triggered);
    }

    [Fact]
    public async Task A_standing_offer_is_offered_whatever_prompted_the_decision()
    {
        var campaigns = await CampaignsAsync(("standing", Standing), ("entry", OnStoreEntry));
        var offers = Offers(campaigns);
        var customer = LongStandingCustomer("c1");

        Assert.Equal(["campaign:standing"], Decide(offers, Context(customer, Purchase("c1", "e1"))));
        Assert.Equal(["campaign:entry", "campaign:standing"], Decide(offers, Context(customer, Entered("c1", "e2"))));
        Assert.Equal(["campaign:standing"], Decide(offers, Context(customer, null)));
    }

    [Fact]
    public async Task A_lifecycle_campaign_is_offered_only_while_the_change_of_stage_is_recent()
    {
        var campaigns = await CampaignsAsync(("stage", OnLifecycleChange));
        var offers = Offers(campaigns);

        // Back from at-risk with a purchase a minute ago, against a stage unchanged for weeks.
        var justBack = LongStandingCustomer("c1", lastPurchase: Now.AddMinutes(-1));
        var settled = LongStandingCustomer("c2", lastPurchase: Now.AddDays(-20));

        Assert.Equal(["campaign:stage"], Decide(offers, Context(justBack, Entered("c1", "e1"))));
        Assert.Empty(Decide(offers, Context(settled, Entered("c2", "e2"))));
        Assert.Equal(1, campaigns.Find("stage")!.Treatment.Read().Eligible);
    }

    [Fact]
    public async Task A_current_offer_stays_proposed_at_a_decision_its_trigger_has_nothing_to_do_with()
    {
        var campaigns = await CampaignsAsync(("purchase", OnPurchase));
        var offers = Offers(campaigns);
        var customer = LongStandingCustomer("c1");
        var current = new ContactHistory([new ContactPresentation("campaign:purchase", "s-1", Now.AddMinutes(-5), Now.AddHours(3)) { Kind = ActionKinds.CampaignOffer }]);

        var proposed = Decide(offers, Context(customer, Entered("c1", "e1"), current));

        Assert.Equal(["campaign:purchase"], proposed);
        Assert.Equal(0, campaigns.Find("purchase")!.Treatment.Read().Triggered);
    }

    [Fact]
    public async Task Activating_and_pausing_campaigns_is_followed_by_the_next_decision()
    {
        var campaigns = await CampaignsAsync(("a", OnPurchase));
        var offers = Offers(campaigns);
        var customer = LongStandingCustomer("c1");
        Assert.Equal(["campaign:a"], Decide(offers, Context(customer, Purchase("c1", "e1"))));

        await campaigns.ApplyAsync(Record("b", OnPurchase, CampaignStatus.Active));
        Assert.Equal(["campaign:a", "campaign:b"], Decide(offers, Context(customer, Purchase("c1", "e2"))));

        await campaigns.ApplyAsync(Record("a", OnPurchase, CampaignStatus.Paused));
        Assert.Equal(["campaign:b"], Decide(offers, Context(customer, Purchase("c1", "e3"))));

        await campaigns.ApplyAsync(Record("a", OnPurchase, CampaignStatus.Active));
        Assert.Equal(["campaign:a", "campaign:b"], Decide(offers, Context(customer, Purchase("c1", "e4"))));

        // Each campaign found the customer in its audience once, and counted each purchase it saw.
        Assert.Equal((1L, 3L), (campaigns.Find("a")!.Treatment.Read().Eligible, campaigns.Find("a")!.Treatment.Read().Triggered));
        Assert.Equal((1L, 3L), (campaigns.Find("b")!.Treatment.Read().Eligible, campaigns.Find("b")!.Treatment.Read().Triggered));
    }

    [Fact]
    public async Task The_same_event_seen_again_is_counted_once()
    {
        var campaigns = await CampaignsAsync(("purchase", OnPurchase));
        var offers = Offers(campaigns);
        var customer = LongStandingCustomer("c1");

        Decide(offers, Context(customer, Purchase("c1", "e1")));
        Decide(offers, Context(customer, Purchase("c1", "e1")));
        Decide(offers, Context(customer, Purchase("c1", "e2")));

        Assert.Equal(2, campaigns.Find("purchase")!.Treatment.Read().Triggered);
    }

    [Fact]
    public async Task An_occurrence_a_stored_record_names_by_its_key_is_not_counted_again_after_a_restart()
    {
        var campaigns = new ActiveCampaigns(Options.Create(new CampaignOptions()), NullLogger<ActiveCampaigns>.Instance);
        campaigns.Load(Record("purchase", OnPurchase, CampaignStatus.Active), new CampaignResultsState
        {
            Treatment = new GroupCounts(1, 1, 0, 0, 0, 0),
            Customers = [new CampaignCustomerState { CustomerId = "c1", Eligible = true, LastTriggerKey = "event:e1" }],
        });
        var offers = Offers(campaigns);
        var customer = LongStandingCustomer("c1");

        Decide(offers, Context(customer, Purchase("c1", "e1")));
        Assert.Equal(1, campaigns.Find("purchase")!.Treatment.Read().Triggered);

        Decide(offers, Context(customer, Purchase("c1", "e2")));
        Decide(offers, Context(customer, Purchase("c1", "e2")));
        Assert.Equal(2, campaigns.Find("purchase")!.Treatment.Read().Triggered);
        Assert.Equal(1, campaigns.Find("purchase")!.Treatment.Read().Eligible);
    }

    [Fact]
    public async Task An_erased_customer_is_found_anew_by_the_campaigns()
    {
        var campaigns = await CampaignsAsync(("purchase", OnPurchase));
        var offers = Offers(campaigns);
        var customer = LongStandingCustomer("c1");
        Decide(offers, Context(customer, Purchase("c1", "e1")));

        campaigns.Forget(["c1"]);
        Decide(offers, Context(customer, Purchase("c1", "e2")));

        Assert.Equal(2, campaigns.Find("purchase")!.Treatment.Read().Eligible);
        Assert.NotNull(campaigns.Find("purchase")!.FindCustomer("c1"));
    }

    private static List<string> Decide(LiveCampaignOffers offers, EngagementContext context)
    {
        var proposed = offers.Propose(context).Select(c => c.Action.Id).Order(StringComparer.Ordinal).ToList();

        // Nothing is presented: every slot held for the decision is given back.
        offers.Arbitrated(context, new ArbitrationResult([], [], [], [], [], context.Contact, false, "segment"));
        return proposed;
    }

    private static async Task<ActiveCampaigns> CampaignsAsync(params (string Id, string Trigger)[] definitions)
    {
        var campaigns = new ActiveCampaigns(Options.Create(new CampaignOptions()), NullLogger<ActiveCampaigns>.Instance);
        foreach (var (id, trigger) in definitions)
        {
            await campaigns.ApplyAsync(Record(id, trigger, CampaignStatus.Active));
        }

        return campaigns;
    }

    private static CampaignRecord Record(string id, string trigger, CampaignStatus status) => new()
    {
        Id = id,
        Definition = CampaignJson.Parse($$"""{ "name": "Campaign {{id}}", "offer": { "title": "Offer {{id}}", "reason": "Because", "value": 10 }, "trigger": {{trigger}} }""").Definition,
        Status = status,
        Version = 1,
    };

    private static LiveCampaignOffers Offers(ActiveCampaigns campaigns) => new(campaigns, Options.Create(new EngagementOptions()));

    // Registered a year ago, a purchase long ago (at risk since), and a purchase at lastPurchase.
    private static CustomerState LongStandingCustomer(string id, DateTimeOffset? lastPurchase = null)
    {
        var events = new List<SequencedEvent>
        {
            new(1, new CustomerEvent($"{id}-r", id, null, EventTypes.CustomerRegistered, Now.AddDays(-365), null, EventChannel.Online, new CustomerRegistered("Ada", CustomerKind.Individual, "S1", new Dictionary<string, string>()))),
            new(2, Purchase(id, $"{id}-p1", Now.AddDays(-300))),
            new(3, Purchase(id, $"{id}-p2", lastPurchase ?? Now.AddDays(-30))),
        };
        var state = CustomerEvolver.Replay(id, events, CustomerRules.Default);
        CustomerEvolver.AdvanceTo(state, Now, CustomerRules.Default);
        return state;
    }

    private static EngagementContext Context(CustomerState state, CustomerEvent? trigger, ContactHistory? history = null) =>
        new(CustomerViews.To360(state, Now, ValueDistribution.Empty, CustomerRules.Default), state, Now, Catalog)
        {
            TriggeringEvent = trigger,
            Contact = history ?? ContactHistory.Empty,
        };

    private static CustomerEvent Purchase(string customerId, string eventId, DateTimeOffset? at = null) =>
        new(eventId, customerId, null, EventTypes.Purchase, at ?? Now.AddSeconds(-1), "S1", EventChannel.Store,
            new Purchase("o-" + eventId, [new PurchaseItem("TENT-1", "tents", "Nordic", 160m, 1, 0m)], 160m));

    private static CustomerEvent Entered(string customerId, string eventId) =>
        new(eventId, customerId, null, EventTypes.StoreEntered, Now.AddSeconds(-1), "S1", EventChannel.Store, new StoreEntered());
}
