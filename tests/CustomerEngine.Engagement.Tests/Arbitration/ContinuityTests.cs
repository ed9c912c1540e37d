using CustomerEngine.Engagement.Arbitration;
using CustomerEngine.Engagement.Contact;
using CustomerEngine.Engagement.Learning;
using CustomerEngine.Engagement.Suggestions;
using CustomerEngine.Engagement.Tests.Support;
using static CustomerEngine.Engagement.Tests.Support.CustomerEvents;
using static CustomerEngine.Engagement.Tests.Support.TestActions;

namespace CustomerEngine.Engagement.Tests.Arbitration;

public sealed class ContinuityTests
{
    private static readonly CustomerEvents Customer = new CustomerEvents().Registered(T0.AddDays(-30)).Purchase(T0.AddDays(-10));

    [Fact]
    public void Deciding_again_with_nothing_changed_keeps_the_history_and_the_suggestions_the_customer_holds()
    {
        var catalog = Catalog(Action("a", value: 10), Action("b", value: 20));
        var arbitrator = new Arbitrator([new EveryActionProvider()], []);
        var first = arbitrator.Arbitrate(Customer.Context(T0, catalog), new PropensityModel(), ContactHistory.Empty, new Random(1));

        var second = arbitrator.Arbitrate(Customer.Context(T0.AddMinutes(5), catalog), new PropensityModel(), first.History, new Random(2));

        Assert.False(second.Changed);
        Assert.Same(first.History, second.History);
        Assert.Equal(first.Suggestions, second.Suggestions);
    }

    [Fact]
    public void A_suggestion_equals_the_held_one_only_when_nothing_changed_reasons_included()
    {
        var catalog = Catalog(Action("a", value: 10), Action("b", value: 20));
        var arbitrator = new Arbitrator([new EveryActionProvider()], []);
        var held = arbitrator.Arbitrate(Customer.Context(T0, catalog), new PropensityModel(), ContactHistory.Empty, new Random(1)).Suggestions;

        IReadOnlyList<Suggestion> reworded = [held[0] with { Reasons = [.. held[0].Reasons, "one more reason"] }, held[1]];
        IReadOnlyList<Suggestion> reweighed = [held[0], held[1] with { Priority = held[1].Priority * 2 }];

        Assert.NotEqual(held, reworded);
        Assert.NotEqual(held, reweighed);
        Assert.Equal(held, [held[0] with { Reasons = [.. held[0].Reasons] }, held[1]]);
    }

    [Fact]
    public void A_withdrawn_suggestion_gives_a_new_history_that_records_its_end()
    {
        var arbitrator = new Arbitrator([new EveryActionProvider()], []);
        var first = arbitrator.Arbitrate(Customer.Context(T0, Catalog(Action("a", value: 10))), new PropensityModel(), ContactHistory.Empty, new Random(1));

        var second = arbitrator.Arbitrate(Customer.Context(T0.AddMinutes(5), Catalog(Action("b", value: 10))), new PropensityModel(), first.History, new Random(2));

        Assert.NotSame(first.History, second.History);
        Assert.Equal(T0.AddMinutes(5), second.History.Find(first.Suggestions[0].SuggestionId)!.EndedAt);
    }
}
