using CustomerEngine.Domain.Customers;
using CustomerEngine.Domain.Events;
using CustomerEngine.Domain.Satisfaction;
using CustomerEngine.Domain.Tests.Support;

namespace CustomerEngine.Domain.Tests.Customers;

public sealed class CustomerEvolverTests
{
    private static readonly CustomerRules Rules = CustomerRules.Default;

    [Theory]
    [InlineData("c-1", false)]
    [InlineData("anon:cookie-9", true)]
    public void Anonymous_streams_start_as_anonymous_prospects(string streamKey, bool anonymous)
    {
        var state = CustomerEvolver.Create(streamKey);

        Assert.Equal(streamKey, state.CustomerId);
        Assert.Equal(anonymous, state.IsAnonymous);
    }

    [Fact]
    public void Registration_sets_the_profile_and_later_registrations_merge_into_it()
    {
        var history = new History();

        var state = Fold.Apply(
            history.Registered("2025-01-10", "Ada", CustomerKind.Individual, "s-1", new() { ["segment"] = "entrepreneur", ["city"] = "Leeds" }),
            history.Registered("2025-02-10", null, CustomerKind.Organization, null, new() { ["city"] = "York", ["size"] = "12" }));

        Assert.Equal("Ada", state.Name);
        Assert.Equal(CustomerKind.Organization, state.Kind);
        Assert.Equal("s-1", state.HomeStoreId);
        Assert.Equal(
            new Dictionary<string, string> { ["segment"] = "entrepreneur", ["city"] = "York", ["size"] = "12" },
            state.Attributes);
    }

    [Fact]
    public void Store_entry_counts_a_visit_and_sets_the_last_store()
    {
        var history = new History();

        var state = Fold.Apply(history.Entered("2025-01-10", "s-1"), history.Left("2025-01-10T01:00Z", "s-1"), history.Entered("2025-01-12", "s-2"));

        Assert.Equal(2, state.Stats.Visits);
        Assert.Equal("s-2", state.LastStoreId);
    }

    [Fact]
    public void Any_event_naming_a_store_moves_the_last_store()
    {
        var history = new History();

        var state = Fold.Apply(history.Entered("2025-01-10", "s-1"), history.Purchase("2025-01-11", storeId: "s-3"), history.Viewed("2025-01-12"));

        Assert.Equal("s-3", state.LastStoreId);
    }

    [Fact]
    public void Purchases_update_stats_spend_and_segment_inputs()
    {
        var history = new History();

        var state = Fold.Apply(
            history.Purchase("2025-01-15", 129.90m, items: [History.Item("a", 50m, 2, "Acme", discount: 10m), History.Item("b", 39.90m, 1, null)]),
            history.Purchase("2025-02-01", 30m, items: [History.Item("c", 10m, 3, "Acme")]));

        Assert.Equal(2, state.Stats.Purchases);
        Assert.Equal(159.90m, state.Stats.Spend);
        Assert.Equal(Time.At("2025-01-15"), state.Stats.FirstPurchaseAt);
        Assert.Equal(Time.At("2025-01-15"), state.Stats.PreviousPurchaseAt);
        Assert.Equal(Time.At("2025-02-01"), state.Stats.LastPurchaseAt);
        Assert.Equal(159.90m, state.SegmentInputs.ItemSpend);
        Assert.Equal(90m, state.SegmentInputs.DiscountedItemSpend);
        Assert.Equal(new Dictionary<string, int> { ["Acme"] = 5 }, state.SegmentInputs.BrandItemCounts);
    }

    [Fact]
    public void Returns_are_counted_and_reduce_the_monetary_value()
    {
        var history = new History();

        var state = Fold.Apply(history.Purchase("2025-01-15", 100m), history.Returned("2025-01-20", 30m), history.Returned("2025-01-21", 5.5m));

        Assert.Equal(2, state.Stats.Returns);
        Assert.Equal(35.5m, state.Stats.ReturnedAmount);
        Assert.Equal(100m, state.Stats.Spend);
        Assert.Equal(1, state.Stats.Purchases);
        Assert.Equal(64.5m, Domain.Views.CustomerViews.RfmInputOf(state).Monetary);
    }

    [Fact]
    public void Feedback_keeps_the_latest_scores_and_counts_responses()
    {
        var history = new History();

        var state = Fold.Apply(history.Feedback("2025-01-15", nps: 3, ces: 6), history.Feedback("2025-02-15", nps: 9), history.Feedback("2025-03-15", comment: "thanks"));

        var satisfaction = state.Satisfaction;
        Assert.Equal(9, satisfaction.LastNps);
        Assert.Equal(Time.At("2025-02-15"), satisfaction.LastNpsAt);
        Assert.Equal(6, satisfaction.LastCes);
        Assert.Equal(Time.At("2025-01-15"), satisfaction.LastCesAt);
        Assert.Equal(3, satisfaction.Responses);
    }

    [Fact]
    public void Resolving_a_complaint_closes_it_and_records_the_time_to_resolve()
    {
        var history = new History();

        var state = Fold.Apply(
            history.ComplaintOpened("2025-01-15T09:00Z", "k-1"),
            history.ComplaintOpened("2025-01-15T12:00Z", "k-2"),
            history.ComplaintResolved("2025-01-15T15:00Z", "k-1"));

        Assert.Equal([new OpenComplaint("k-2", Time.At("2025-01-15T12:00Z"))], state.Satisfaction.OpenComplaints);
        Assert.Equal(1, state.Satisfaction.ComplaintsResolved);
        Assert.Equal(TimeSpan.FromHours(6), state.Satisfaction.TotalResolutionTime);
    }

    [Fact]
    public void Resolving_an_unknown_complaint_changes_no_counts_but_is_recorded_as_an_interaction()
    {
        var history = new History();

        var state = Fold.Apply(history.ComplaintOpened("2025-01-15", "k-1"), history.ComplaintResolved("2025-01-16", "k-404"));

        Assert.Single(state.Satisfaction.OpenComplaints);
        Assert.Equal(0, state.Satisfaction.ComplaintsResolved);
        Assert.Equal(TimeSpan.Zero, state.Satisfaction.TotalResolutionTime);
        Assert.Equal("complaint k-404 resolved (not known as open)", state.Recent[0].Summary);
    }

    [Fact]
    public void Opening_the_same_complaint_twice_keeps_the_first_opening()
    {
        var history = new History();

        var state = Fold.Apply(history.ComplaintOpened("2025-01-15", "k-1"), history.ComplaintOpened("2025-01-16", "k-1"));

        Assert.Equal([new OpenComplaint("k-1", Time.At("2025-01-15"))], state.Satisfaction.OpenComplaints);
    }

    [Fact]
    public void Consent_change_replaces_the_decision_for_the_same_channel_and_purpose_only()
    {
        var history = new History();

        var state = Fold.Apply(
            history.Consent("2025-01-10", "email", "marketing", true),
            history.Consent("2025-01-11", "sms", null, true),
            history.Consent("2025-01-12", "email", "service", true),
            history.Consent("2025-03-01", "email", "marketing", false));

        Assert.Equal(
            [
                new ConsentRecord("email", "marketing", false, Time.At("2025-03-01")),
                new ConsentRecord("sms", null, true, Time.At("2025-01-11")),
                new ConsentRecord("email", "service", true, Time.At("2025-01-12")),
            ],
            state.Consent);
    }

    [Fact]
    public void Every_event_updates_last_seen_time()
    {
        var history = new History();

        var state = Fold.Apply(history.Registered("2025-01-10"), history.Consent("2025-02-11T08:30Z", "email", null, true));

        Assert.Equal(Time.At("2025-02-11T08:30Z"), state.Stats.LastSeenAt);
    }

    [Fact]
    public void Interactions_are_counted_per_channel_when_a_channel_is_given()
    {
        var history = new History();

        var state = Fold.Apply(
            history.Entered("2025-01-10"),
            history.Viewed("2025-01-11", channel: EventChannel.Online),
            history.Viewed("2025-01-12", channel: EventChannel.App),
            history.Viewed("2025-01-13", channel: EventChannel.App),
            history.ComplaintOpened("2025-01-14", "k-1"),
            history.Viewed("2025-01-15", channel: null));

        var inputs = state.SegmentInputs;
        Assert.Equal(1, inputs.StoreInteractions);
        Assert.Equal(1, inputs.OnlineInteractions);
        Assert.Equal(2, inputs.AppInteractions);
        Assert.Equal(1, inputs.CallCenterInteractions);
    }

    [Fact]
    public void Recent_interactions_are_newest_first_and_capped_at_the_configured_depth()
    {
        var rules = Rules with { RecentDepth = 5 };
        var history = new History();
        var state = CustomerEvolver.Create("c-1");

        for (var day = 1; day <= 12; day++)
        {
            CustomerEvolver.Apply(state, history.Viewed($"2025-01-{day:00}", $"sku-{day}"), rules);
        }

        Assert.Equal(["viewed sku-12", "viewed sku-11", "viewed sku-10", "viewed sku-9", "viewed sku-8"], state.Recent.Select(r => r.Summary));
        Assert.Equal(Time.At("2025-01-12"), state.Recent[0].OccurredAt);
        Assert.True(state.Recent.Capacity <= 5, "the recent list must not hold idle slots beyond its depth");
    }

    [Fact]
    public void Recent_interactions_default_to_twenty()
    {
        var history = new History();
        var state = CustomerEvolver.Create("c-1");

        for (var i = 0; i < 30; i++)
        {
            CustomerEvolver.Apply(state, history.Viewed(Time.At("2025-01-01").AddHours(i).ToString("O")), Rules);
        }

        Assert.Equal(20, state.Recent.Count);
        Assert.Equal("e-30", state.Recent[0].EventId);
        Assert.Equal("e-11", state.Recent[^1].EventId);
    }

    [Fact]
    public void Recent_interaction_records_the_event_in_one_line()
    {
        var history = new History();

        var state = Fold.Apply(history.Purchase("2025-01-15T10:00Z", 129.90m, EventChannel.Store, "s-1", History.Item("a", 43.30m, 3)));

        Assert.Equal(
            new RecentInteraction("e-1", EventTypes.Purchase, Time.At("2025-01-15T10:00Z"), "s-1", EventChannel.Store, "bought 3 items for 129.90"),
            state.Recent[0]);
    }

    [Theory]
    [MemberData(nameof(Summaries))]
    public void Every_event_type_has_a_readable_summary(Func<History, SequencedEvent> make, string summary)
    {
        var state = Fold.Apply(make(new History()));

        Assert.Equal(summary, state.Recent[0].Summary);
    }

    public static TheoryData<Func<History, SequencedEvent>, string> Summaries => new()
    {
        { h => h.Registered("2025-01-01", kind: CustomerKind.Organization), "registered as organization" },
        { h => h.Identified("2025-01-01", "cookie-9"), "identified from anonymous visits" },
        { h => h.Entered("2025-01-01"), "entered store" },
        { h => h.Left("2025-01-01"), "left store" },
        { h => h.Viewed("2025-01-01", "sku-7"), "viewed sku-7" },
        { h => h.CartAdded("2025-01-01", "sku-7", 2), "added 2 × sku-7 to cart" },
        { h => h.Purchase("2025-01-01", 5m), "bought 1 item for 5.00" },
        { h => h.Returned("2025-01-01", 19.9m, sku: "sku-7"), "returned sku-7 for 19.90" },
        { h => h.Feedback("2025-01-01", nps: 4, ces: 5, comment: "slow"), "gave feedback: NPS 4, CES 5, a comment" },
        { h => h.ComplaintOpened("2025-01-01", "k-1", "delivery"), "complaint k-1 opened: delivery" },
        { h => h.Consent("2025-01-01", "email", "marketing", false), "withdrew consent to email for marketing" },
        { h => h.SuggestionOutcome("2025-01-01", "crossSell", "accepted", "bundle-tent"), "accepted cross-sell suggestion (bundle-tent)" },
        { h => h.SuggestionOutcome("2025-01-01", "campaignOffer", "dismissed", "spring"), "dismissed campaign offer suggestion (spring)" },
    };

    [Fact]
    public void Watermarks_follow_the_applied_events()
    {
        var history = new History();
        history.Viewed("2025-01-01");
        var late = history.Viewed("2025-01-03");
        var early = history.Viewed("2025-01-02");

        var state = Fold.Apply(history.Events[0], early, late);

        Assert.Equal(Time.At("2025-01-03"), state.LastAppliedAt);
        Assert.Equal(late.Sequence, state.LastAppliedSequence);
        Assert.Equal(3, state.MaxSequence);
    }
}
