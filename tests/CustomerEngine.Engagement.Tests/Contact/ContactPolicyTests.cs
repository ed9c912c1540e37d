using CustomerEngine.Engagement.Actions;
using CustomerEngine.Engagement.Arbitration;
using CustomerEngine.Engagement.Contact;
using CustomerEngine.Engagement.Learning;
using CustomerEngine.Engagement.Outcomes;
using CustomerEngine.Engagement.Tests.Support;
using static CustomerEngine.Engagement.Tests.Support.CustomerEvents;
using static CustomerEngine.Engagement.Tests.Support.TestActions;

namespace CustomerEngine.Engagement.Tests.Contact;

public sealed class ContactPolicyTests
{
    private static readonly CustomerEvents Customer = new CustomerEvents().Registered(T0.AddDays(-30)).Purchase(T0.AddDays(-10));

    private readonly PropensityModel _propensity = FlatPropensity();

    [Fact]
    public void A_suggestion_that_stays_current_keeps_its_id_and_is_not_presented_again()
    {
        var catalog = Catalog(Action("a", value: 20), Action("b", value: 10));
        var arbitrator = new Arbitrator([new EveryActionProvider()], []);

        var first = arbitrator.Arbitrate(Customer.Context(T0, catalog), new PropensityModel(), ContactHistory.Empty, new Random(1));
        var again = arbitrator.Arbitrate(Customer.Context(T0.AddMinutes(10), catalog), new PropensityModel(), first.History, new Random(999));

        Assert.Equal(first.Suggestions.Select(s => s.SuggestionId).Order(StringComparer.Ordinal), again.Suggestions.Select(s => s.SuggestionId).Order(StringComparer.Ordinal));
        Assert.All(again.Suggestions, s => Assert.Equal((T0, T0.AddHours(4)), (s.CreatedAt, s.ExpiresAt)));
        Assert.Empty(again.Presented);
        Assert.Empty(again.Withdrawn);
        Assert.False(again.Changed);
        Assert.Equal(2, again.History.Presentations.Count);

        // The propensity drawn at presentation is kept: a new seed must not reshuffle what staff see.
        Assert.Equal(
            first.Suggestions.ToDictionary(s => s.ActionId, s => s.Factors.Propensity),
            again.Suggestions.ToDictionary(s => s.ActionId, s => s.Factors.Propensity));
    }

    [Fact]
    public void At_most_three_presentations_a_day_then_more_the_next_day()
    {
        var catalog = Catalog(Action("a", value: 10), Action("b", value: 20), Action("c", value: 30), Action("d", value: 40), Action("e", value: 50));
        var arbitrator = new Arbitrator([new EveryActionProvider()], []);
        var morning = arbitrator.Arbitrate(Customer.Context(T0, catalog), _propensity, ContactHistory.Empty, new Random(1));
        Assert.Equal(["e", "d", "c"], morning.Suggestions.Select(s => s.ActionId));
        var accepted = morning.History.RecordOutcome(morning.Suggestions[0].SuggestionId, SuggestionOutcome.Accepted, T0.AddMinutes(1));

        var later = arbitrator.Arbitrate(Customer.Context(T0.AddMinutes(2), catalog), _propensity, accepted.History, new Random(2));

        Assert.Equal(["d", "c"], later.Suggestions.Select(s => s.ActionId));
        Assert.Equal(
            [("a", SuppressionReason.Cap), ("b", SuppressionReason.Cap), ("e", SuppressionReason.RepeatWindow)],
            later.Suppressed.Select(s => (s.ActionId, s.Reason)).OrderBy(s => s.ActionId, StringComparer.Ordinal));
        Assert.Contains("already 3 presentations in the last 24 hours", later.Suppressed.First(s => s.ActionId == "b").Detail, StringComparison.Ordinal);

        var nextDay = arbitrator.Arbitrate(Customer.Context(T0.AddDays(1).AddMinutes(1), catalog), _propensity, later.History, new Random(3));

        Assert.Equal(["b", "a"], nextDay.Suggestions.Select(s => s.ActionId));
    }

    [Fact]
    public void A_dismissed_action_is_not_offered_again_for_seven_days()
    {
        var catalog = Catalog(Action("a"));
        var arbitrator = new Arbitrator([new EveryActionProvider()], []);
        var shown = arbitrator.Arbitrate(Customer.Context(T0, catalog), _propensity, ContactHistory.Empty, new Random(1));
        var dismissed = shown.History.RecordOutcome(shown.Suggestions[0].SuggestionId, SuggestionOutcome.Dismissed, T0.AddMinutes(1)).History;

        var sixDaysOn = arbitrator.Arbitrate(Customer.Context(T0.AddDays(6), catalog), _propensity, dismissed, new Random(2));
        var sevenDaysOn = arbitrator.Arbitrate(Customer.Context(T0.AddDays(7).AddMinutes(2), catalog), _propensity, sixDaysOn.History, new Random(3));

        Assert.Empty(sixDaysOn.Suggestions);
        Assert.Equal(SuppressionReason.Cooldown, Assert.Single(sixDaysOn.Suppressed).Reason);
        var again = Assert.Single(sevenDaysOn.Suggestions);
        Assert.NotEqual(shown.Suggestions[0].SuggestionId, again.SuggestionId);
    }

    [Fact]
    public void An_action_no_longer_current_is_not_presented_again_within_three_days()
    {
        var catalog = Catalog(Action("a"));
        var provider = new EveryActionProvider();
        var arbitrator = new Arbitrator([provider], []);
        var shown = arbitrator.Arbitrate(Customer.Context(T0, catalog), _propensity, ContactHistory.Empty, new Random(1));

        provider.Silenced.Add("a");
        var gone = arbitrator.Arbitrate(Customer.Context(T0.AddHours(1), catalog), _propensity, shown.History, new Random(2));
        provider.Silenced.Clear();
        var back = arbitrator.Arbitrate(Customer.Context(T0.AddDays(1), catalog), _propensity, gone.History, new Random(3));
        var later = arbitrator.Arbitrate(Customer.Context(T0.AddDays(3).AddHours(1).AddMinutes(1), catalog), _propensity, back.History, new Random(4));

        Assert.Equal([shown.Suggestions[0].SuggestionId], gone.Withdrawn);
        Assert.Empty(gone.Suggestions);
        Assert.Empty(back.Suggestions);
        Assert.Equal(SuppressionReason.RepeatWindow, Assert.Single(back.Suppressed).Reason);
        var again = Assert.Single(later.Suggestions);
        Assert.NotEqual(shown.Suggestions[0].SuggestionId, again.SuggestionId);
        Assert.Equal([again], later.Presented);
    }

    [Fact]
    public void An_expired_suggestion_is_not_presented_again_within_three_days()
    {
        var catalog = Catalog(Action("a") with { Validity = TimeSpan.FromHours(1) });
        var arbitrator = new Arbitrator([new EveryActionProvider()], []);
        var shown = arbitrator.Arbitrate(Customer.Context(T0, catalog), _propensity, ContactHistory.Empty, new Random(1));

        var afterExpiry = arbitrator.Arbitrate(Customer.Context(T0.AddHours(2), catalog), _propensity, shown.History, new Random(2));

        Assert.Empty(afterExpiry.Suggestions);
        Assert.Equal(SuppressionReason.RepeatWindow, Assert.Single(afterExpiry.Suppressed).Reason);
        Assert.Equal(T0.AddHours(1), Assert.Single(afterExpiry.History.Presentations).EndedAt);
    }

    [Fact]
    public void Service_recovery_is_outside_the_daily_cap()
    {
        var catalog = Catalog(Action("a", value: 10), Action("b", value: 20), Action("c", value: 30), Action("sorry", ActionKinds.ServiceRecovery));
        var provider = new EveryActionProvider();
        provider.Silenced.Add("sorry");
        var arbitrator = new Arbitrator([provider], [], new ContactPolicyOptions { TopN = 4 });
        var morning = arbitrator.Arbitrate(Customer.Context(T0, catalog), _propensity, ContactHistory.Empty, new Random(1));

        provider.Silenced.Clear();
        var complaint = arbitrator.Arbitrate(Customer.Context(T0.AddHours(1), catalog), _propensity, morning.History, new Random(2));

        Assert.Equal(3, morning.Suggestions.Count);
        Assert.Equal(["sorry", "c", "b", "a"], complaint.Suggestions.Select(s => s.ActionId));
    }

    [Fact]
    public void The_history_keeps_only_what_the_rules_can_still_see()
    {
        var catalog = Catalog(Action("a") with { Validity = TimeSpan.FromHours(1) });
        var arbitrator = new Arbitrator([new EveryActionProvider()], []);
        var shown = arbitrator.Arbitrate(Customer.Context(T0, catalog), _propensity, ContactHistory.Empty, new Random(1));

        Assert.Single(shown.History.Prune(T0.AddDays(7), ContactPolicyOptions.Default).Presentations);
        Assert.Empty(shown.History.Prune(T0.AddDays(8), ContactPolicyOptions.Default).Presentations);
    }

    [Fact]
    public void The_history_survives_a_json_round_trip()
    {
        var catalog = Catalog(Action("a"), Action("b"));
        var arbitrator = new Arbitrator([new EveryActionProvider()], []);
        var shown = arbitrator.Arbitrate(Customer.Context(T0, catalog), _propensity, ContactHistory.Empty, new Random(1));
        var history = shown.History.RecordOutcome(shown.Suggestions[1].SuggestionId, SuggestionOutcome.Dismissed, T0.AddMinutes(3)).History;

        var json = System.Text.Json.JsonSerializer.Serialize(history, System.Text.Json.JsonSerializerOptions.Web);
        var read = System.Text.Json.JsonSerializer.Deserialize<ContactHistory>(json, System.Text.Json.JsonSerializerOptions.Web);

        Assert.Equal(history, read);
        Assert.Contains("\"outcome\":\"dismissed\"", json, StringComparison.Ordinal);
    }
}
