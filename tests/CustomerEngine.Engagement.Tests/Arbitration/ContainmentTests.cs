using CustomerEngine.Engagement.Actions;
using CustomerEngine.Engagement.Arbitration;
using CustomerEngine.Engagement.Candidates;
using CustomerEngine.Engagement.Contact;
using CustomerEngine.Engagement.Failures;
using CustomerEngine.Engagement.Tests.Support;
using static CustomerEngine.Engagement.Tests.Support.CustomerEvents;
using static CustomerEngine.Engagement.Tests.Support.TestActions;

namespace CustomerEngine.Engagement.Tests.Arbitration;

public sealed class ContainmentTests
{
    private static readonly CustomerEvents Customer = new CustomerEvents().Registered(T0.AddDays(-30)).Purchase(T0.AddDays(-10));

    [Fact]
    public void A_throwing_provider_is_skipped_and_reported_while_the_others_still_suggest()
    {
        var catalog = Catalog(Action("a"), Action("b"));
        var arbitrator = new Arbitrator([new ThrowingProvider(), new LazilyThrowingProvider(), new EveryActionProvider()], []);

        var result = arbitrator.Arbitrate(Customer.Context(T0, catalog), FlatPropensity(), ContactHistory.Empty, new Random(1));

        Assert.Equal(["a", "b"], result.Suggestions.Select(s => s.ActionId).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(result.Suggestions, s => s.Reasons.Contains("never seen"));
        Assert.Equal(
            [("throwing", "InvalidOperationException: provider bug"), ("lazily-throwing", "InvalidOperationException: iterator bug")],
            result.Failures.Select(f => (f.Name, f.Message)));
        Assert.All(result.Failures, f => Assert.Equal(ExtensionKind.Provider, f.Kind));
        Assert.All(result.Failures, f => Assert.IsType<InvalidOperationException>(f.Exception));
    }

    [Fact]
    public void A_throwing_weight_rule_is_left_out_for_every_candidate_and_reported()
    {
        var catalog = Catalog(Action("a"));
        var arbitrator = new Arbitrator([new EveryActionProvider(weight: 1.5)], [new ThrowingWeightRule(), new ConstantWeightRule("test", 2)]);

        var result = arbitrator.Arbitrate(Customer.Context(T0, catalog), FlatPropensity(), ContactHistory.Empty, new Random(1));

        Assert.Equal(3.0, Assert.Single(result.Suggestions).Factors.ContextWeight);
        var failure = Assert.Single(result.Failures);
        Assert.Equal(("throwing-rule", ExtensionKind.WeightRule), (failure.Name, failure.Kind));
    }

    [Fact]
    public void A_candidate_with_a_negative_weight_is_refused_and_reported()
    {
        var catalog = Catalog(Action("a"), Action("b"));
        var arbitrator = new Arbitrator([new EveryActionProvider("bad", weight: -1), new EveryActionProvider("good")], []);

        var result = arbitrator.Arbitrate(Customer.Context(T0, catalog), FlatPropensity(), ContactHistory.Empty, new Random(1));

        Assert.All(result.Suggestions, s => Assert.Equal(1.0, s.Factors.ContextWeight));
        Assert.Equal(2, result.Failures.Count(f => f.Name == "bad" && f.Message.Contains("context weight -1", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_plug_in_action_outside_the_catalog_can_be_suggested()
    {
        var provider = new FixedCandidateProvider(new ActionCandidate(Action("plugin.tea", "pluginTea", value: 3), ["waited 20 minutes"]));

        var result = new Arbitrator([provider], []).Arbitrate(Customer.Context(T0, Catalog()), FlatPropensity(), ContactHistory.Empty, new Random(1));

        var suggestion = Assert.Single(result.Suggestions);
        Assert.Equal(("plugin.tea", "pluginTea"), (suggestion.ActionId, suggestion.Kind));
        Assert.Equal(["waited 20 minutes"], suggestion.Reasons);
        Assert.Equal("pluginTea", Assert.Single(result.History.Presentations).Kind);
    }

    [Theory]
    [InlineData("title", "title")]
    [InlineData("value", "value")]
    [InlineData("validity", "validity")]
    [InlineData("consentChannel", "eligibility.requiredConsent.channel")]
    [InlineData("consentPurpose", "eligibility.requiredConsent.purpose")]
    [InlineData("attribute", "eligibility.attributes")]
    public void A_plug_in_action_with_an_invalid_definition_is_refused_and_reported(string fault, string field)
    {
        var valid = Action("plugin.tea", "pluginTea", value: 3);
        var action = fault switch
        {
            "title" => valid with { Title = " " },
            "value" => valid with { Value = double.NaN },
            "validity" => valid with { Validity = TimeSpan.Zero },
            "consentChannel" => valid with { Eligibility = new ActionEligibility { RequiredConsent = new ConsentRequirement("") } },
            "consentPurpose" => valid with { Eligibility = new ActionEligibility { RequiredConsent = new ConsentRequirement("sms", " ") } },
            _ => valid with { Eligibility = new ActionEligibility { Attributes = new Dictionary<string, string> { [" "] = "x" } } },
        };
        var provider = new FixedCandidateProvider(new ActionCandidate(action, ["waited"]), new ActionCandidate(Action("plugin.coffee", "pluginCoffee", value: 2), ["waited"]));

        var result = new Arbitrator([provider], []).Arbitrate(Customer.Context(T0, Catalog()), FlatPropensity(), ContactHistory.Empty, new Random(1));

        Assert.Equal("plugin.coffee", Assert.Single(result.Suggestions).ActionId);
        var failure = Assert.Single(result.Failures);
        Assert.StartsWith($"proposed an invalid candidate: plugin.tea: {field} ", failure.Message, StringComparison.Ordinal);
    }

    private sealed class FixedCandidateProvider(params ActionCandidate[] candidates) : ICandidateActionProvider
    {
        public string Name => "fixed";

        public IEnumerable<ActionCandidate> Propose(EngagementContext context) => candidates;
    }
}
