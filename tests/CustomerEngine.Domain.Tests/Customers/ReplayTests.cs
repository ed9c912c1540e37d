using CustomerEngine.Domain.Customers;
using CustomerEngine.Domain.Events;
using CustomerEngine.Domain.Lifecycle;
using CustomerEngine.Domain.Tests.Support;

namespace CustomerEngine.Domain.Tests.Customers;

public sealed class ReplayTests
{
    private static readonly CustomerRules Rules = CustomerRules.Default;

    [Fact]
    public void Replay_gives_the_same_state_whatever_order_the_events_arrive_in()
    {
        var events = RealisticHistory.Build().Events;
        var expected = Fold.Json(CustomerEvolver.Replay("c-1", events, Rules));
        var random = new Random(20250101);

        for (var round = 0; round < 200; round++)
        {
            var shuffled = events.ToArray();
            random.Shuffle(shuffled);

            Assert.Equal(expected, Fold.Json(CustomerEvolver.Replay("c-1", shuffled, Rules)));
        }
    }

    [Fact]
    public void Replay_of_the_realistic_history_has_the_expected_totals()
    {
        var state = CustomerEvolver.Replay("c-1", RealisticHistory.Build().Events, Rules);

        Assert.Equal(6, state.Stats.Purchases);
        Assert.Equal(335m, state.Stats.Spend);
        Assert.Equal(30m, state.Stats.ReturnedAmount);
        Assert.Equal(2, state.Stats.Visits);
        Assert.Equal(["cookie-9"], state.MergedAnonymousIds);
        Assert.Equal(2, state.Satisfaction.ComplaintsResolved);
        Assert.Empty(state.Satisfaction.OpenComplaints);
        Assert.Equal(LifecycleStage.Active, state.Lifecycle.Stage);
        Assert.Equal(32, state.MaxSequence);
    }

    [Fact]
    public void Applying_as_events_arrive_and_replaying_when_told_always_matches_a_full_replay()
    {
        var events = RealisticHistory.Build().Events;
        var random = new Random(7);

        for (var round = 0; round < 200; round++)
        {
            // Most events arrive right away; some straggle in weeks late, after the engine's clock
            // has already recorded time-driven transitions they would have prevented.
            var arrivals = events
                .Select(e => (Event: e, ArrivesAt: e.Event.OccurredAt + (random.Next(3) == 0 ? TimeSpan.FromDays(random.Next(1, 120)) : TimeSpan.FromMinutes(random.Next(0, 120)))))
                .OrderBy(a => a.ArrivesAt)
                .ToList();
            var arrived = new List<SequencedEvent>();
            var state = CustomerEvolver.Create("c-1");
            foreach (var (e, arrivesAt) in arrivals)
            {
                // Reminders fire on the engine's clock before the event comes in.
                CustomerEvolver.AdvanceTo(state, arrivesAt, Rules);
                arrived.Add(e);
                if (CustomerEvolver.NeedsReplay(state, e))
                {
                    state = CustomerEvolver.Replay("c-1", arrived, Rules);
                }
                else
                {
                    CustomerEvolver.Apply(state, e, Rules);
                }

                CustomerEvolver.AdvanceTo(state, arrivesAt, Rules);
                var expected = CustomerEvolver.Replay("c-1", arrived, Rules);
                CustomerEvolver.AdvanceTo(expected, arrivesAt, Rules);
                Assert.Equal(Fold.Json(expected), Fold.Json(state));
            }
        }
    }

    [Fact]
    public void Fresh_state_never_needs_replay()
    {
        var history = new History();

        Assert.False(CustomerEvolver.NeedsReplay(CustomerEvolver.Create("c-1"), history.Viewed("1990-01-01")));
    }

    [Fact]
    public void Event_after_the_last_applied_can_be_applied()
    {
        var history = new History();
        var state = Fold.Apply(history.Viewed("2025-01-10"));

        Assert.False(CustomerEvolver.NeedsReplay(state, history.Viewed("2025-01-11")));
    }

    [Fact]
    public void Event_that_happened_before_the_last_applied_needs_replay()
    {
        var history = new History();
        var state = Fold.Apply(history.Viewed("2025-01-10"));

        Assert.True(CustomerEvolver.NeedsReplay(state, history.Viewed("2025-01-09")));
    }

    [Fact]
    public void Simultaneous_event_earlier_in_the_log_needs_replay()
    {
        var history = new History();
        var earlierInLog = history.Viewed("2025-01-10");
        var state = Fold.Apply(history.Viewed("2025-01-10"));

        Assert.True(CustomerEvolver.NeedsReplay(state, earlierInLog));
    }

    [Fact]
    public void Simultaneous_event_later_in_the_log_can_be_applied()
    {
        var history = new History();
        var state = Fold.Apply(history.Viewed("2025-01-10"));

        Assert.False(CustomerEvolver.NeedsReplay(state, history.Viewed("2025-01-10")));
    }

    [Fact]
    public void Already_applied_event_needs_replay()
    {
        var history = new History();
        var e = history.Viewed("2025-01-10");
        var state = Fold.Apply(e);

        Assert.True(CustomerEvolver.NeedsReplay(state, e));
    }

    [Fact]
    public void Event_before_a_recorded_time_driven_transition_needs_replay()
    {
        var history = new History();
        var state = Fold.Apply(history.Purchase("2025-01-15"));
        CustomerEvolver.AdvanceTo(state, Time.At("2025-06-01"), Rules);

        // Bought again a day before the at-risk transition that was already recorded.
        Assert.True(CustomerEvolver.NeedsReplay(state, history.Purchase("2025-03-15")));
        Assert.False(CustomerEvolver.NeedsReplay(state, history.Purchase("2025-03-16")));
    }

    [Fact]
    public void Applying_an_event_that_needs_replay_is_refused_and_leaves_the_state_alone()
    {
        var history = new History();
        var state = Fold.Apply(history.Viewed("2025-01-10"));
        var before = Fold.Json(state);

        Assert.Throws<InvalidOperationException>(() => CustomerEvolver.Apply(state, history.Viewed("2025-01-09"), Rules));
        Assert.Equal(before, Fold.Json(state));
    }

    [Fact]
    public void Late_purchase_replayed_in_place_rewrites_the_stages()
    {
        var history = new History();
        history.Purchase("2025-01-15");
        history.Viewed("2025-06-01");
        var latePurchase = history.Purchase("2025-02-01");

        var state = CustomerEvolver.Replay("c-1", history.Events, Rules);

        Assert.Equal(
            [LifecycleStage.New, LifecycleStage.Active, LifecycleStage.AtRisk],
            state.Lifecycle.History.Select(t => t.To));
        Assert.Equal(latePurchase.Event.OccurredAt + Rules.Lifecycle.AtRiskAfter, state.Lifecycle.History[^1].At);
    }
}
