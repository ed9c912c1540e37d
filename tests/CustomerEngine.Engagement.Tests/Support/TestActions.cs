using CustomerEngine.Engagement.Actions;
using CustomerEngine.Engagement.Learning;

namespace CustomerEngine.Engagement.Tests.Support;

internal static class TestActions
{
    /// <summary>
    /// A prior so concentrated (Beta(50000, 50000): 0.5 ± 0.002) that every draw is 0.5 for ranking
    /// purposes, so tests can rank by value and weight alone.
    /// </summary>
    public static PropensityModel FlatPropensity() => new(new BetaPosterior(50_000, 50_000));

    public static ActionDefinition Action(string id, string kind = "test", double value = 10, ActionEligibility? eligibility = null) =>
        new(id, kind, "Title of " + id, "because of " + id, value) { Eligibility = eligibility ?? ActionEligibility.Any };

    public static ActionCatalog Catalog(params ActionDefinition[] actions) => new(1, actions);
}
