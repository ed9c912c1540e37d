using CustomerEngine.Engagement.Arbitration;
using CustomerEngine.Engagement.Candidates;
using CustomerEngine.Engagement.Contact;
using CustomerEngine.Engagement.Learning;
using CustomerEngine.Engagement.Tests.Support;
using static CustomerEngine.Engagement.Tests.Support.CustomerEvents;
using static CustomerEngine.Engagement.Tests.Support.TestActions;

namespace CustomerEngine.Engagement.Tests.Arbitration;

public sealed class RankingTests
{
    private static readonly CustomerEvents Customer = new CustomerEvents().Registered(T0.AddDays(-30)).Purchase(T0.AddDays(-10));

    [Fact]
    public void Priority_is_propensity_times_context_weight_times_value_times_lever()
    {
        var catalog = Catalog(Action("a", value: 20) with { Lever = 1.5 });
        var arbitrator = new Arbitrator([new EveryActionProvider(weight: 1.25)], [new ConstantWeightRule("test", 2.0)]);

        var suggestion = Assert.Single(arbitrator.Arbitrate(Customer.Context(T0, catalog), new PropensityModel(), ContactHistory.Empty, new Random(5)).Suggestions);

        Assert.Equal(2.5, suggestion.Factors.ContextWeight);
        Assert.Equal(20, suggestion.Factors.Value);
        Assert.Equal(1.5, suggestion.Factors.Lever);
        Assert.InRange(suggestion.Factors.Propensity, 0.0, 1.0);
        Assert.Equal(suggestion.Factors.Propensity * 2.5 * 20 * 1.5, suggestion.Priority, 12);
    }

    [Fact]
    public void Suggestions_are_ranked_by_priority_and_cut_to_the_top_n()
    {
        var catalog = Catalog(Action("v10", value: 10), Action("v50", value: 50), Action("v20", value: 20), Action("v40", value: 40), Action("v30", value: 30) with { Lever = 2 });
        var arbitrator = new Arbitrator([new EveryActionProvider()], [], new ContactPolicyOptions { TopN = 3 });

        var result = arbitrator.Arbitrate(Customer.Context(T0, catalog), FlatPropensity(), ContactHistory.Empty, new Random(1));

        // v30 with lever 2 weighs 60, ahead of v50.
        Assert.Equal(["v30", "v50", "v40"], result.Suggestions.Select(s => s.ActionId));
        Assert.True(result.Suggestions.Zip(result.Suggestions.Skip(1)).All(pair => pair.First.Priority >= pair.Second.Priority));
        Assert.Empty(result.Suppressed);
    }

    [Fact]
    public void A_learned_propensity_outranks_an_equal_value()
    {
        var catalog = Catalog(Action("liked", value: 10), Action("disliked", value: 10));
        var context = Customer.Context(T0, catalog);
        var propensity = new PropensityModel();
        var segment = SegmentKeys.Of(context.Customer);
        for (var i = 0; i < 90; i++)
        {
            propensity.Record("liked", segment, accepted: i % 10 != 0);
            propensity.Record("disliked", segment, accepted: i % 10 == 0);
        }

        var result = new Arbitrator([new EveryActionProvider()], []).Arbitrate(context, propensity, ContactHistory.Empty, new Random(3));

        Assert.Equal(["liked", "disliked"], result.Suggestions.Select(s => s.ActionId));
        Assert.True(result.Suggestions[0].Factors.Propensity > 0.7);
        Assert.True(result.Suggestions[1].Factors.Propensity < 0.3);
    }

    [Fact]
    public void The_same_seed_gives_the_same_suggestions()
    {
        var catalog = Catalog(Action("a"), Action("b"), Action("c"), Action("d"));
        var arbitrator = new Arbitrator([new EveryActionProvider()], []);

        var first = arbitrator.Arbitrate(Customer.Context(T0, catalog), new PropensityModel(), ContactHistory.Empty, new Random(11));
        var second = arbitrator.Arbitrate(Customer.Context(T0, catalog), new PropensityModel(), ContactHistory.Empty, new Random(11));

        Assert.Equal(
            first.Suggestions.Select(s => (s.SuggestionId, s.ActionId, s.Factors.Propensity)),
            second.Suggestions.Select(s => (s.SuggestionId, s.ActionId, s.Factors.Propensity)));
        Assert.Equal(first.History, second.History);
    }

    [Fact]
    public void Candidates_for_the_same_action_are_merged()
    {
        var catalog = Catalog(Action("a"));
        var arbitrator = new Arbitrator([new EveryActionProvider("p1", weight: 2), new EveryActionProvider("p2", weight: 3)], []);

        var result = arbitrator.Arbitrate(Customer.Context(T0, catalog), FlatPropensity(), ContactHistory.Empty, new Random(1));

        var suggestion = Assert.Single(result.Suggestions);
        Assert.Equal(6, suggestion.Factors.ContextWeight);
        Assert.Equal(["p1 proposes a", "p2 proposes a"], suggestion.Reasons);
    }

    [Fact]
    public void A_repeated_or_blank_reason_is_shown_once()
    {
        var catalog = Catalog(Action("a"));
        var arbitrator = new Arbitrator([new FixedReasonsProvider("p1", ["bought a tent", " ", "bought a tent", "camping season"])], []);

        var suggestion = Assert.Single(arbitrator.Arbitrate(Customer.Context(T0, catalog), FlatPropensity(), ContactHistory.Empty, new Random(1)).Suggestions);

        Assert.Equal(["bought a tent", "camping season"], suggestion.Reasons);
    }

    [Theory]
    [InlineData(null, false, "p1")]
    [InlineData("p1", false, "p1")]
    [InlineData("named-otherwise", false, "p1")]
    [InlineData(null, true, "p1+p2")]
    public void A_withheld_candidate_names_the_providers_that_proposed_it(string? ownSource, bool secondProvider, string expected)
    {
        // Ineligible, so the candidate is reported as withheld with its source.
        var catalog = Catalog(Action("a", eligibility: new() { Stages = [Domain.Lifecycle.LifecycleStage.Churned] }));
        ICandidateActionProvider[] providers = secondProvider
            ? [new FixedReasonsProvider("p1", ["one"], ownSource), new FixedReasonsProvider("p2", ["two"])]
            : [new FixedReasonsProvider("p1", ["one"], ownSource)];

        var result = new Arbitrator(providers, []).Arbitrate(Customer.Context(T0, catalog), FlatPropensity(), ContactHistory.Empty, new Random(1));

        var withheld = Assert.Single(result.Suppressed);
        Assert.Equal(expected, withheld.Candidate.Source);
        Assert.Equal(secondProvider ? ["one", "two"] : ["one"], withheld.Candidate.Reasons);
    }

    [Fact]
    public void New_suggestions_expire_after_the_action_validity()
    {
        var catalog = Catalog(Action("a") with { Validity = TimeSpan.FromMinutes(45) });

        var suggestion = Assert.Single(new Arbitrator([new EveryActionProvider()], []).Arbitrate(Customer.Context(T0, catalog), FlatPropensity(), ContactHistory.Empty, new Random(1)).Suggestions);

        Assert.Equal(T0, suggestion.CreatedAt);
        Assert.Equal(T0.AddMinutes(45), suggestion.ExpiresAt);
        Assert.True(Engagement.Suggestions.SuggestionIds.TryGetCustomer(suggestion.SuggestionId, out var customerId));
        Assert.Equal("c-1", customerId);
    }
}
