using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerEngine.Domain.Customers;
using CustomerEngine.Domain.Events;
using CustomerEngine.Domain.Lifecycle;
using CustomerEngine.Domain.Satisfaction;
using CustomerEngine.Domain.Segments;
using CustomerEngine.Domain.Tests.Support;
using CustomerEngine.Domain.Value;
using CustomerEngine.Domain.Views;

namespace CustomerEngine.Domain.Tests.Views;

public sealed class CustomerViewsTests
{
    private static readonly CustomerRules Rules = CustomerRules.Default;
    private static readonly DateTimeOffset Now = Time.At("2026-03-01T12:00Z");

    [Fact]
    public void Unified_view_shows_everything_known_about_the_customer()
    {
        var state = CustomerEvolver.Replay("c-1", RealisticHistory.Build().Events, Rules);

        var view = CustomerViews.To360(state, Now, ValueDistribution.Empty, Rules);

        Assert.Equal("c-1", view.CustomerId);
        Assert.Equal("Ada", view.Name);
        Assert.Equal(CustomerKind.Individual, view.Kind);
        Assert.Equal("s-1", view.HomeStoreId);
        Assert.Equal("retiree", view.Attributes["segment"]);
        Assert.Equal(LifecycleStage.Active, view.Lifecycle.Stage);
        Assert.Equal(state.Lifecycle.History, view.Lifecycle.History);
        Assert.Equal(new ValueView(39, 6, 305m, new RfmScore(3, 3, 3), ValueTier.Medium), view.Value);
        Assert.Equal(new CustomerSegments(PriceSensitivity.PriceDriven, BrandLoyalty.Switcher, ChannelPreference.Omnichannel), view.Segments);
        Assert.Equal(new StatsView(6, 335m, 1, 30m, 2, Time.At("2025-01-15T10:20Z"), Time.At("2026-01-20T16:00Z"), Time.At("2026-02-01T09:00Z")), view.Stats);
        Assert.Equal(new ConsentView("email", "marketing", false, Time.At("2026-01-21T09:00Z")), view.Consent[0]);
        Assert.Equal(20, view.Recent.Count);
        Assert.Equal(new RecentInteractionView("e-32", EventTypes.Feedback, Time.At("2026-02-01T09:00Z"), null, null, "gave feedback: NPS 10, CES 1, a comment"), view.Recent[0]);
        Assert.Equal(["cookie-9"], view.MergedAnonymousIds);
    }

    [Fact]
    public void A_decisions_view_shows_what_the_unified_view_shows()
    {
        var state = CustomerEvolver.Replay("c-1", RealisticHistory.Build().Events, Rules);

        var view = CustomerViews.To360(state, Now, ValueDistribution.Empty, Rules);
        var decisions = CustomerViews.ForDecision(state, Now, ValueDistribution.Empty, Rules);

        Assert.Equal(JsonSerializer.Serialize(view), JsonSerializer.Serialize(decisions));
        Assert.Equal("retiree", decisions.Attributes["segment"]);
        Assert.Equal(view.Recent, decisions.Recent);
    }

    [Fact]
    public void A_view_keeps_the_interactions_of_its_moment_when_the_customer_moves_on()
    {
        var history = new History();
        var state = Fold.Apply(history.Registered("2026-01-01"), history.Entered("2026-01-02T10:00Z"));
        var view = CustomerViews.To360(state, Now, ValueDistribution.Empty, Rules);

        CustomerEvolver.Apply(state, history.Left("2026-01-02T11:00Z"), Rules);
        var later = CustomerViews.To360(state, Now, ValueDistribution.Empty, Rules);

        Assert.Equal([EventTypes.StoreEntered, EventTypes.CustomerRegistered], view.Recent.Select(r => r.Type));
        Assert.Equal([EventTypes.StoreLeft, EventTypes.StoreEntered, EventTypes.CustomerRegistered], later.Recent.Select(r => r.Type));
        Assert.Equal(JsonSerializer.Serialize(view.Recent.ToList()), JsonSerializer.Serialize(view.Recent));
    }

    [Fact]
    public void Satisfaction_view_shows_latest_scores_and_mean_time_to_resolve()
    {
        var history = new History();
        var state = Fold.Apply(
            history.Feedback("2025-01-01", nps: 5, ces: 6),
            history.ComplaintOpened("2025-01-02T08:00Z", "k-1"),
            history.ComplaintResolved("2025-01-02T12:00Z", "k-1"),
            history.ComplaintOpened("2025-01-03T08:00Z", "k-2"),
            history.ComplaintResolved("2025-01-03T16:00Z", "k-2"),
            history.ComplaintOpened("2025-01-04T08:00Z", "k-3"));

        var view = CustomerViews.To360(state, Now, ValueDistribution.Empty, Rules);

        Assert.Equal(new SatisfactionView(5, NpsCategory.Detractor, 6, 1, 1, 2, 6.0), view.Satisfaction);
    }

    [Fact]
    public void Prospect_has_no_value_scores_and_no_mean_time_to_resolve()
    {
        var history = new History();
        var state = Fold.Apply(history.Registered("2025-01-01"));

        var view = CustomerViews.To360(state, Now, ValueDistribution.Empty, Rules);

        Assert.Equal(new ValueView(null, 0, 0m, null, null), view.Value);
        Assert.Null(view.Satisfaction.AverageHoursToResolve);
        Assert.Null(view.Satisfaction.NpsCategory);
    }

    [Fact]
    public void Value_is_scored_against_the_distribution_of_the_base()
    {
        var history = new History();
        var state = Fold.Apply(history.Purchase("2026-02-28", 5_000m), history.Purchase("2026-03-01T08:00Z", 5_000m));
        var others = Enumerable.Range(1, 99).Select(i => new RfmInput(1, i, Now.AddDays(-i)));
        var values = ValueDistribution.Compute(others.Append(CustomerViews.RfmInputOf(state)), Now, new TierRules());

        var view = CustomerViews.To360(state, Now, values, Rules);

        Assert.Equal(new RfmScore(5, 5, 5), view.Value.Rfm);
        Assert.Equal(ValueTier.High, view.Value.Tier);
        Assert.Equal(ValueTier.High, CustomerViews.ToSummary(state, Now, values, Rules).Tier);
    }

    [Fact]
    public void Summary_shows_the_customer_in_one_line()
    {
        var history = new History();
        var state = Fold.Apply(
            history.Registered("2025-01-01", "Acme Ltd", CustomerKind.Organization, "s-1"),
            history.Purchase("2025-01-15", 900m, storeId: "s-2"),
            history.Feedback("2025-01-16", nps: 10),
            history.ComplaintOpened("2025-01-17", "k-1"));

        var summary = CustomerViews.ToSummary(state, Now, ValueDistribution.Empty, Rules);

        Assert.Equal(
            new CustomerSummary("c-1", "Acme Ltd", CustomerKind.Organization, LifecycleStage.New, ValueTier.Medium, "s-1", "s-2",
                new CustomerSegments(PriceSensitivity.ValueDriven, null, null), NpsCategory.Promoter, 1, Time.At("2025-01-17")),
            summary);
    }

    [Fact]
    public void Rfm_inputs_are_purchases_net_spend_and_last_purchase()
    {
        var history = new History();
        var state = Fold.Apply(history.Purchase("2025-01-15", 100m), history.Purchase("2025-02-15", 50m), history.Returned("2025-02-20", 20m));

        Assert.Equal(new RfmInput(2, 130m, Time.At("2025-02-15")), CustomerViews.RfmInputOf(state));
    }

    [Fact]
    public void Views_do_not_share_collections_with_the_state()
    {
        var history = new History();
        var state = Fold.Apply(history.Registered("2025-01-01", attributes: new() { ["tier"] = "gold" }), history.Purchase("2025-01-15"));
        var view = CustomerViews.To360(state, Now, ValueDistribution.Empty, Rules);

        CustomerEvolver.Apply(state, history.Purchase("2025-02-01"), Rules);
        state.Attributes["tier"] = "platinum";

        Assert.Single(view.Lifecycle.History);
        Assert.Equal(2, view.Recent.Count);
        Assert.Equal("gold", view.Attributes["tier"]);
    }

    [Fact]
    public void Views_serialize_with_the_api_names()
    {
        var history = new History();
        var state = Fold.Apply(history.Purchase("2025-01-15", channel: EventChannel.CallCenter), history.Feedback("2025-01-16", nps: 7));
        CustomerEvolver.AdvanceTo(state, Time.At("2025-04-01"), Rules);
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

        var json = JsonSerializer.Serialize(CustomerViews.To360(state, Now, ValueDistribution.Empty, Rules), options);

        Assert.Contains("\"stage\":\"atRisk\"", json);
        Assert.Contains("\"channel\":\"callcenter\"", json);
        Assert.Contains("\"npsCategory\":\"passive\"", json);
        Assert.Contains("\"priceSensitivity\":\"valueDriven\"", json);
        Assert.Contains("\"rfm\":{\"r\":3,\"f\":3,\"m\":3}", json);
        Assert.Contains("\"history\":[{\"from\":\"prospect\",\"to\":\"new\"", json);
    }
}
