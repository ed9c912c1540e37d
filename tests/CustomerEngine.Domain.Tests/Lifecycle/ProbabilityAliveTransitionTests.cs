using CustomerEngine.Domain.Customers;
using CustomerEngine.Domain.Events;
using CustomerEngine.Domain.Lifecycle;
using CustomerEngine.Domain.Tests.Support;

namespace CustomerEngine.Domain.Tests.Lifecycle;

public sealed class ProbabilityAliveTransitionTests
{
    private static readonly CustomerRules Rules = CustomerRules.Default;

    // Ten weekly purchase days: x = 9, t_x = 9 weeks. Under the CDNOW parameters P(alive) falls below one half
    // about a month after the last purchase, and below a fifth about seven weeks after it: both before the
    // inactivity windows (60 and 180 days).
    private static (History History, DateOnly FirstDay, DateOnly LastDay) WeeklyBuyer()
    {
        var history = new History();
        var first = new DateOnly(2025, 1, 6);
        for (var week = 0; week < 10; week++)
        {
            history.Purchase(first.AddDays(7 * week).ToString("yyyy-MM-dd") + "T17:30Z", 40m);
        }

        return (history, first, first.AddDays(63));
    }

    [Fact]
    public void A_frequent_buyer_gone_quiet_is_at_risk_when_p_alive_falls_below_the_threshold_with_that_reason()
    {
        var (history, first, last) = WeeklyBuyer();
        var state = CustomerEvolver.Replay("c-1", history.Events, Rules, CdnowModel.Model);

        var transitions = CustomerEvolver.AdvanceTo(state, Time.At("2025-04-20"), Rules, CdnowModel.Model);

        var atRisk = Assert.Single(transitions);
        Assert.Equal(LifecycleStage.AtRisk, atRisk.To);
        Assert.Equal(CdnowModel.WalkToCrossing(first, last, 9, 0.5), atRisk.At);
        Assert.Equal("P(alive) fell below 0.5", atRisk.Reason);
        Assert.True(atRisk.At < Time.At("2025-03-10T17:30Z").AddDays(60));
    }

    [Fact]
    public void An_at_risk_customer_churns_when_p_alive_falls_below_the_churn_threshold()
    {
        var (history, first, last) = WeeklyBuyer();
        var state = CustomerEvolver.Replay("c-1", history.Events, Rules, CdnowModel.Model);

        CustomerEvolver.AdvanceTo(state, Time.At("2025-06-01"), Rules, CdnowModel.Model);

        var churned = state.Lifecycle.History[^1];
        Assert.Equal((LifecycleStage.AtRisk, LifecycleStage.Churned), (churned.From, churned.To));
        Assert.Equal(CdnowModel.WalkToCrossing(first, last, 9, 0.2), churned.At);
        Assert.Equal("P(alive) fell below 0.2", churned.Reason);
    }

    [Fact]
    public void Without_a_fitted_model_only_the_inactivity_windows_apply()
    {
        var (history, _, _) = WeeklyBuyer();
        var state = CustomerEvolver.Replay("c-1", history.Events, Rules);

        var atRisk = Assert.Single(CustomerEvolver.AdvanceTo(state, Time.At("2025-05-20"), Rules));

        Assert.Equal(Time.At("2025-03-10T17:30Z").AddDays(60), atRisk.At);
        Assert.Equal("no purchase for 60 days", atRisk.Reason);
    }

    [Fact]
    public void A_one_time_buyer_only_goes_at_risk_by_inactivity_since_p_alive_stays_one()
    {
        var history = new History();
        var state = Fold.Apply(history.Purchase("2025-01-06T10:00Z"));

        var atRisk = Assert.Single(CustomerEvolver.AdvanceTo(state, Time.At("2025-04-01"), Rules, CdnowModel.Model));

        Assert.Equal(Time.At("2025-03-07T10:00Z"), atRisk.At);
        Assert.StartsWith("no purchase", atRisk.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_threshold_of_zero_turns_the_p_alive_rule_off()
    {
        var (history, _, _) = WeeklyBuyer();
        var rules = Rules with { Lifecycle = Rules.Lifecycle with { AtRiskBelowPAlive = 0, ChurnedBelowPAlive = 0 } };
        var state = CustomerEvolver.Replay("c-1", history.Events, rules, CdnowModel.Model);

        var atRisk = Assert.Single(CustomerEvolver.AdvanceTo(state, Time.At("2025-05-20"), rules, CdnowModel.Model));

        Assert.Equal("no purchase for 60 days", atRisk.Reason);
    }

    [Fact]
    public void A_churn_threshold_above_the_at_risk_threshold_is_refused()
    {
        var rules = Rules with { Lifecycle = Rules.Lifecycle with { AtRiskBelowPAlive = 0.2, ChurnedBelowPAlive = 0.5 } };

        Assert.Throws<ArgumentException>(() => CustomerEvolver.AdvanceTo(CustomerEvolver.Create("c-1"), Time.At("2025-01-01"), rules));
    }

    [Fact]
    public void The_next_due_time_is_the_p_alive_crossing_when_it_comes_first()
    {
        var (history, first, last) = WeeklyBuyer();
        var state = CustomerEvolver.Replay("c-1", history.Events, Rules, CdnowModel.Model);

        Assert.Equal(CdnowModel.WalkToCrossing(first, last, 9, 0.5), CustomerEvolver.NextDueAt(state, Rules, CdnowModel.Model));
        Assert.Equal(Time.At("2025-03-10T17:30Z").AddDays(60), CustomerEvolver.NextDueAt(state, Rules));
    }

    [Fact]
    public void Observing_the_customer_day_by_day_records_the_same_history_as_a_backfill()
    {
        var (history, _, _) = WeeklyBuyer();
        history.Purchase("2025-08-01T12:00Z", 55m); // won back after churning
        history.Purchase("2025-08-20T12:00Z", 35m);
        var end = Time.At("2026-01-01");

        var live = CustomerEvolver.Create("c-1");
        var pending = new Queue<SequencedEvent>(history.Events);
        for (var now = Time.At("2025-01-06"); now <= end; now = now.AddDays(1))
        {
            while (pending.Count > 0 && pending.Peek().Event.OccurredAt <= now)
            {
                CustomerEvolver.Apply(live, pending.Dequeue(), Rules, CdnowModel.Model);
            }

            CustomerEvolver.AdvanceTo(live, now, Rules, CdnowModel.Model);
        }

        var backfill = CustomerEvolver.Replay("c-1", history.Events, Rules, CdnowModel.Model);
        CustomerEvolver.AdvanceTo(backfill, end, Rules, CdnowModel.Model);

        Assert.Equal(backfill.Lifecycle.History, live.Lifecycle.History);
        Assert.Contains(live.Lifecycle.History, t => t.To == LifecycleStage.WonBack);
        Assert.Contains(live.Lifecycle.History, t => t.Reason.StartsWith("P(alive)", StringComparison.Ordinal));
    }
}
