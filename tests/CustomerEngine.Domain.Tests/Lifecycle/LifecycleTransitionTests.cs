using CustomerEngine.Domain.Customers;
using CustomerEngine.Domain.Lifecycle;
using CustomerEngine.Domain.Tests.Support;

namespace CustomerEngine.Domain.Tests.Lifecycle;

public sealed class LifecycleTransitionTests
{
    private static readonly CustomerRules Rules = CustomerRules.Default;

    [Fact]
    public void Customer_without_events_is_a_prospect_with_no_since()
    {
        var state = CustomerEvolver.Create("c-1");

        Assert.Equal(LifecycleStage.Prospect, state.Lifecycle.Stage);
        Assert.Null(state.Lifecycle.Since);
        Assert.Empty(state.Lifecycle.History);
    }

    [Fact]
    public void First_event_without_purchase_keeps_a_prospect_since_that_event()
    {
        var history = new History();

        var state = Fold.Apply(history.Registered("2025-01-10T09:00Z"), history.Viewed("2025-01-11T09:00Z"));

        Assert.Equal(LifecycleStage.Prospect, state.Lifecycle.Stage);
        Assert.Equal(Time.At("2025-01-10T09:00Z"), state.Lifecycle.Since);
        Assert.Empty(state.Lifecycle.History);
    }

    [Fact]
    public void First_purchase_makes_a_prospect_new()
    {
        var history = new History();
        var state = Fold.Apply(history.Registered("2025-01-10"));

        var transitions = CustomerEvolver.Apply(state, history.Purchase("2025-01-15"), Rules);

        var transition = Assert.Single(transitions);
        Assert.Equal(new LifecycleTransition(LifecycleStage.Prospect, LifecycleStage.New, Time.At("2025-01-15"), "first purchase"), transition);
        Assert.Equal(LifecycleStage.New, state.Lifecycle.Stage);
        Assert.Equal(Time.At("2025-01-15"), state.Lifecycle.Since);
        Assert.Equal([transition], state.Lifecycle.History);
    }

    [Fact]
    public void Second_purchase_within_active_window_makes_customer_active()
    {
        var history = new History();
        var state = Fold.Apply(history.Purchase("2025-01-15"));

        var transitions = CustomerEvolver.Apply(state, history.Purchase("2025-02-20"), Rules);

        Assert.Equal(
            [new LifecycleTransition(LifecycleStage.New, LifecycleStage.Active, Time.At("2025-02-20"), "repeat purchase within 90 days")],
            transitions);
        Assert.Equal(LifecycleStage.Active, state.Lifecycle.Stage);
    }

    [Fact]
    public void Purchases_while_active_keep_the_customer_active_without_new_transitions()
    {
        var history = new History();
        var state = Fold.Apply(history.Purchase("2025-01-15"), history.Purchase("2025-02-01"));

        var transitions = CustomerEvolver.Apply(state, history.Purchase("2025-02-20"), Rules);

        Assert.Empty(transitions);
        Assert.Equal(LifecycleStage.Active, state.Lifecycle.Stage);
        Assert.Equal(Time.At("2025-02-01"), state.Lifecycle.Since);
        Assert.Equal(2, state.Lifecycle.History.Count);
    }

    [Fact]
    public void No_purchase_for_60_days_makes_customer_at_risk_at_the_due_time()
    {
        var history = new History();
        var state = Fold.Apply(history.Purchase("2025-01-15"), history.Purchase("2025-02-20"));

        var transitions = CustomerEvolver.AdvanceTo(state, Time.At("2025-06-01"), Rules);

        Assert.Equal(
            [new LifecycleTransition(LifecycleStage.Active, LifecycleStage.AtRisk, Time.At("2025-04-21"), "no purchase for 60 days")],
            transitions);
        Assert.Equal(LifecycleStage.AtRisk, state.Lifecycle.Stage);
        Assert.Equal(Time.At("2025-04-21"), state.Lifecycle.Since);
    }

    [Fact]
    public void Advancing_to_just_before_the_due_time_changes_nothing()
    {
        var history = new History();
        var state = Fold.Apply(history.Purchase("2025-01-15"));

        var transitions = CustomerEvolver.AdvanceTo(state, Time.At("2025-03-16").AddTicks(-1), Rules);

        Assert.Empty(transitions);
        Assert.Equal(LifecycleStage.New, state.Lifecycle.Stage);
    }

    [Fact]
    public void Advancing_to_exactly_the_due_time_records_the_transition()
    {
        var history = new History();
        var state = Fold.Apply(history.Purchase("2025-01-15"));

        var transitions = CustomerEvolver.AdvanceTo(state, Time.At("2025-03-16"), Rules);

        Assert.Equal(LifecycleStage.AtRisk, Assert.Single(transitions).To);
    }

    [Fact]
    public void Advancing_time_does_not_move_the_ordering_watermark()
    {
        var history = new History();
        var purchase = history.Purchase("2025-01-15");
        var state = Fold.Apply(purchase);

        CustomerEvolver.AdvanceTo(state, Time.At("2025-12-31"), Rules);

        Assert.Equal(purchase.Event.OccurredAt, state.LastAppliedAt);
        Assert.Equal(purchase.Sequence, state.LastAppliedSequence);
    }

    [Fact]
    public void Later_event_records_the_transition_that_fell_due_before_it_at_its_due_time()
    {
        var history = new History();
        var state = Fold.Apply(history.Purchase("2025-01-15"));

        var transitions = CustomerEvolver.Apply(state, history.Viewed("2025-04-01"), Rules);

        Assert.Equal(
            [new LifecycleTransition(LifecycleStage.New, LifecycleStage.AtRisk, Time.At("2025-03-16"), "no purchase for 60 days")],
            transitions);
    }

    [Fact]
    public void Purchase_while_at_risk_makes_the_customer_active_again()
    {
        var history = new History();
        var state = Fold.Apply(history.Purchase("2025-01-15"), history.Purchase("2025-02-20"));

        var transitions = CustomerEvolver.Apply(state, history.Purchase("2025-05-10"), Rules);

        Assert.Equal(
            [
                new LifecycleTransition(LifecycleStage.Active, LifecycleStage.AtRisk, Time.At("2025-04-21"), "no purchase for 60 days"),
                new LifecycleTransition(LifecycleStage.AtRisk, LifecycleStage.Active, Time.At("2025-05-10"), "purchase while at risk"),
            ],
            transitions);
    }

    [Fact]
    public void No_purchase_for_180_days_churns_an_at_risk_customer()
    {
        var history = new History();
        var state = Fold.Apply(history.Purchase("2025-01-15"));
        CustomerEvolver.AdvanceTo(state, Time.At("2025-04-01"), Rules);

        var transitions = CustomerEvolver.AdvanceTo(state, Time.At("2025-08-01"), Rules);

        Assert.Equal(
            [new LifecycleTransition(LifecycleStage.AtRisk, LifecycleStage.Churned, Time.At("2025-07-14"), "no purchase for 180 days")],
            transitions);
        Assert.Equal(LifecycleStage.Churned, state.Lifecycle.Stage);
    }

    [Fact]
    public void A_long_gap_records_at_risk_and_churned_each_at_its_due_time()
    {
        var history = new History();
        var state = Fold.Apply(history.Purchase("2025-01-15"), history.Purchase("2025-02-20"));

        var transitions = CustomerEvolver.Apply(state, history.Entered("2026-02-20"), Rules);

        Assert.Equal(
            [
                new LifecycleTransition(LifecycleStage.Active, LifecycleStage.AtRisk, Time.At("2025-04-21"), "no purchase for 60 days"),
                new LifecycleTransition(LifecycleStage.AtRisk, LifecycleStage.Churned, Time.At("2025-08-19"), "no purchase for 180 days"),
            ],
            transitions);
        Assert.Equal(Time.At("2025-08-19"), state.Lifecycle.Since);
    }

    [Fact]
    public void Churned_customers_have_nothing_more_due()
    {
        var history = new History();
        var state = Fold.Apply(history.Purchase("2025-01-15"));
        CustomerEvolver.AdvanceTo(state, Time.At("2026-01-01"), Rules);

        Assert.Equal(LifecycleStage.Churned, state.Lifecycle.Stage);
        Assert.Null(CustomerEvolver.NextDueAt(state, Rules));
        Assert.Empty(CustomerEvolver.AdvanceTo(state, Time.At("2030-01-01"), Rules));
    }

    [Fact]
    public void Purchase_after_churn_wins_the_customer_back()
    {
        var history = new History();
        var state = Fold.Apply(history.Purchase("2025-01-15"));

        var transitions = CustomerEvolver.Apply(state, history.Purchase("2025-09-01"), Rules);

        Assert.Equal(LifecycleStage.WonBack, state.Lifecycle.Stage);
        Assert.Equal(
            new LifecycleTransition(LifecycleStage.Churned, LifecycleStage.WonBack, Time.At("2025-09-01"), "purchase after churn"),
            transitions[^1]);
        Assert.Equal(3, transitions.Count);
    }

    [Fact]
    public void Repeat_purchase_within_window_after_win_back_makes_the_customer_active()
    {
        var history = new History();
        var state = Fold.Apply(history.Purchase("2025-01-15"), history.Purchase("2025-09-01"));

        var transitions = CustomerEvolver.Apply(state, history.Purchase("2025-10-15"), Rules);

        Assert.Equal(
            [new LifecycleTransition(LifecycleStage.WonBack, LifecycleStage.Active, Time.At("2025-10-15"), "repeat purchase within 90 days")],
            transitions);
    }

    [Fact]
    public void Won_back_customer_without_repeat_purchase_becomes_at_risk_again()
    {
        var history = new History();
        var state = Fold.Apply(history.Purchase("2025-01-15"), history.Purchase("2025-09-01"));

        var transitions = CustomerEvolver.AdvanceTo(state, Time.At("2025-11-15"), Rules);

        Assert.Equal(
            [new LifecycleTransition(LifecycleStage.WonBack, LifecycleStage.AtRisk, Time.At("2025-10-31"), "no purchase for 60 days")],
            transitions);
    }

    [Fact]
    public void New_customer_buying_again_after_the_active_window_stays_new()
    {
        // Only reachable when at-risk comes later than the active window.
        var rules = Rules with { Lifecycle = new LifecycleRules { ActiveWindow = TimeSpan.FromDays(30), AtRiskAfter = TimeSpan.FromDays(60), ChurnedAfter = TimeSpan.FromDays(120) } };
        var history = new History();
        var state = Fold.Apply("c-1", rules, history.Purchase("2025-01-01"));

        var transitions = CustomerEvolver.Apply(state, history.Purchase("2025-02-15"), rules);

        Assert.Empty(transitions);
        Assert.Equal(LifecycleStage.New, state.Lifecycle.Stage);
    }

    [Fact]
    public void Reasons_and_due_times_follow_the_configured_windows()
    {
        var rules = Rules with { Lifecycle = new LifecycleRules { ActiveWindow = TimeSpan.FromDays(30), AtRiskAfter = TimeSpan.FromDays(45), ChurnedAfter = TimeSpan.FromDays(120) } };
        var history = new History();
        var state = Fold.Apply("c-1", rules, history.Purchase("2025-01-01"), history.Purchase("2025-01-20"));

        CustomerEvolver.AdvanceTo(state, Time.At("2026-01-01"), rules);

        Assert.Equal(
            [
                new LifecycleTransition(LifecycleStage.Prospect, LifecycleStage.New, Time.At("2025-01-01"), "first purchase"),
                new LifecycleTransition(LifecycleStage.New, LifecycleStage.Active, Time.At("2025-01-20"), "repeat purchase within 30 days"),
                new LifecycleTransition(LifecycleStage.Active, LifecycleStage.AtRisk, Time.At("2025-03-06"), "no purchase for 45 days"),
                new LifecycleTransition(LifecycleStage.AtRisk, LifecycleStage.Churned, Time.At("2025-05-20"), "no purchase for 120 days"),
            ],
            state.Lifecycle.History);
    }

    [Fact]
    public void Next_due_time_is_at_risk_then_churn_and_nothing_for_prospects()
    {
        var history = new History();
        var state = Fold.Apply(history.Registered("2025-01-10"));
        Assert.Null(CustomerEvolver.NextDueAt(state, Rules));

        CustomerEvolver.Apply(state, history.Purchase("2025-01-15"), Rules);
        Assert.Equal(Time.At("2025-03-16"), CustomerEvolver.NextDueAt(state, Rules));

        CustomerEvolver.AdvanceTo(state, Time.At("2025-03-16"), Rules);
        Assert.Equal(Time.At("2025-07-14"), CustomerEvolver.NextDueAt(state, Rules));
    }

    [Fact]
    public void Inconsistent_lifecycle_rules_are_refused()
    {
        var rules = Rules with { Lifecycle = new LifecycleRules { AtRiskAfter = TimeSpan.FromDays(200) } };
        var history = new History();

        Assert.Throws<ArgumentException>(() => Fold.Apply("c-1", rules, history.Purchase("2025-01-15")));
    }

    [Fact]
    public void Replaying_last_years_events_gives_last_years_stages()
    {
        var history = new History();
        history.Registered("2025-01-10T09:00Z", homeStoreId: "s-1");
        history.Entered("2025-01-15T10:00Z");
        history.Purchase("2025-01-15T10:20Z", 120m, storeId: "s-1");
        history.Left("2025-01-15T10:40Z");
        history.Viewed("2025-02-18T20:00Z");
        history.Purchase("2025-02-20T18:00Z", 60m, channel: Domain.Events.EventChannel.Online);
        history.Feedback("2025-02-21T08:00Z", nps: 8);
        history.Viewed("2025-04-30T21:00Z");
        history.Purchase("2025-05-10T11:00Z", 45m);
        history.ComplaintOpened("2025-05-12T09:00Z", "k-1", "late delivery");
        history.ComplaintResolved("2025-05-13T15:00Z", "k-1");
        history.Viewed("2025-12-01T19:00Z");
        history.Purchase("2025-12-15T16:00Z", 80m);

        var state = CustomerEvolver.Replay("c-1", history.Events, Rules);

        Assert.Equal(
            [
                new LifecycleTransition(LifecycleStage.Prospect, LifecycleStage.New, Time.At("2025-01-15T10:20Z"), "first purchase"),
                new LifecycleTransition(LifecycleStage.New, LifecycleStage.Active, Time.At("2025-02-20T18:00Z"), "repeat purchase within 90 days"),
                new LifecycleTransition(LifecycleStage.Active, LifecycleStage.AtRisk, Time.At("2025-04-21T18:00Z"), "no purchase for 60 days"),
                new LifecycleTransition(LifecycleStage.AtRisk, LifecycleStage.Active, Time.At("2025-05-10T11:00Z"), "purchase while at risk"),
                new LifecycleTransition(LifecycleStage.Active, LifecycleStage.AtRisk, Time.At("2025-07-09T11:00Z"), "no purchase for 60 days"),
                new LifecycleTransition(LifecycleStage.AtRisk, LifecycleStage.Churned, Time.At("2025-11-06T11:00Z"), "no purchase for 180 days"),
                new LifecycleTransition(LifecycleStage.Churned, LifecycleStage.WonBack, Time.At("2025-12-15T16:00Z"), "purchase after churn"),
            ],
            state.Lifecycle.History);
        Assert.Equal(LifecycleStage.WonBack, state.Lifecycle.Stage);
        Assert.Equal(Time.At("2026-02-13T16:00Z"), CustomerEvolver.NextDueAt(state, Rules));
    }
}
