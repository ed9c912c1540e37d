using CustomerEngine.Engagement.Arbitration;
using CustomerEngine.Engagement.Contact;
using CustomerEngine.Engagement.Learning;
using CustomerEngine.Engagement.Outcomes;
using CustomerEngine.Engagement.Tests.Support;
using static CustomerEngine.Engagement.Tests.Support.CustomerEvents;
using static CustomerEngine.Engagement.Tests.Support.TestActions;

namespace CustomerEngine.Engagement.Tests.Outcomes;

public sealed class SuggestionOutcomesTests
{
    private static readonly CustomerEvents Customer = new CustomerEvents().Registered(T0.AddDays(-30)).Purchase(T0.AddDays(-10));

    [Fact]
    public void Accepting_raises_the_posterior_mean_once_however_often_it_is_recorded()
    {
        var (shown, propensity) = ShowOne();
        var suggestion = shown.Suggestions[0];

        var first = SuggestionOutcomes.Record(shown.History, propensity, suggestion.SuggestionId, SuggestionOutcome.Accepted, T0.AddMinutes(5));
        var second = SuggestionOutcomes.Record(first.History, propensity, suggestion.SuggestionId, SuggestionOutcome.Accepted, T0.AddMinutes(6));

        Assert.Equal(OutcomeStatus.Recorded, first.Status);
        Assert.Equal(OutcomeStatus.AlreadyRecorded, second.Status);
        Assert.Same(first.History, second.History);
        Assert.Equal(2.0 / 3, propensity.Mean("a", shown.SegmentKey), 12);
        Assert.Equal((SuggestionOutcome.Accepted, T0.AddMinutes(5)), (first.Presentation!.Outcome, first.Presentation.OutcomeAt));
    }

    [Fact]
    public void Dismissing_lowers_the_posterior_mean()
    {
        var (shown, propensity) = ShowOne();

        SuggestionOutcomes.Record(shown.History, propensity, shown.Suggestions[0].SuggestionId, SuggestionOutcome.Dismissed, T0.AddMinutes(5));

        Assert.Equal(1.0 / 3, propensity.Mean("a", shown.SegmentKey), 12);
    }

    [Fact]
    public void A_contrary_outcome_or_an_unknown_id_is_not_found_and_teaches_nothing()
    {
        var (shown, propensity) = ShowOne();
        var accepted = SuggestionOutcomes.Record(shown.History, propensity, shown.Suggestions[0].SuggestionId, SuggestionOutcome.Accepted, T0.AddMinutes(5));

        var contrary = SuggestionOutcomes.Record(accepted.History, propensity, shown.Suggestions[0].SuggestionId, SuggestionOutcome.Dismissed, T0.AddMinutes(6));
        var unknown = SuggestionOutcomes.Record(accepted.History, propensity, "nope.YzE", SuggestionOutcome.Accepted, T0.AddMinutes(6));

        Assert.Equal(OutcomeStatus.NotFound, contrary.Status);
        Assert.Equal(OutcomeStatus.NotFound, unknown.Status);
        Assert.Null(unknown.Presentation);
        Assert.Same(accepted.History, contrary.History);
        Assert.Equal(new BetaPosterior(2, 1), propensity.Posterior("a", shown.SegmentKey));
    }

    [Fact]
    public void A_suggestion_with_an_outcome_stops_being_current()
    {
        var (shown, propensity) = ShowOne();
        var recorded = SuggestionOutcomes.Record(shown.History, propensity, shown.Suggestions[0].SuggestionId, SuggestionOutcome.Accepted, T0.AddMinutes(5));

        Assert.Empty(recorded.History.CurrentAt(T0.AddMinutes(6)));
        Assert.Single(shown.History.CurrentAt(T0.AddMinutes(6)));
    }

    private static (ArbitrationResult Shown, PropensityModel Propensity) ShowOne()
    {
        var propensity = new PropensityModel();
        var shown = new Arbitrator([new EveryActionProvider()], []).Arbitrate(Customer.Context(T0, Catalog(Action("a"))), propensity, ContactHistory.Empty, new Random(1));
        return (shown, propensity);
    }
}
