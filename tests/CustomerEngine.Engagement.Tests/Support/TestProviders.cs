using CustomerEngine.Engagement.Candidates;

namespace CustomerEngine.Engagement.Tests.Support;

/// <summary>Proposes every action of the catalog, whatever the customer: for testing the rules after the providers.</summary>
internal sealed class EveryActionProvider(string name = "every", double weight = 1.0) : ICandidateActionProvider
{
    /// <summary>Action ids not to propose, to simulate a condition that stopped holding.</summary>
    public HashSet<string> Silenced { get; } = [];

    public string Name => name;

    public IEnumerable<ActionCandidate> Propose(EngagementContext context) =>
        context.Catalog.Actions
            .Where(action => !Silenced.Contains(action.Id))
            .Select(action => new ActionCandidate(action, [$"{name} proposes {action.Id}"], weight));
}

internal sealed class ThrowingProvider : ICandidateActionProvider
{
    public string Name => "throwing";

    public IEnumerable<ActionCandidate> Propose(EngagementContext context) => throw new InvalidOperationException("provider bug");
}

/// <summary>Throws only when enumerated, as a lazy iterator does.</summary>
internal sealed class LazilyThrowingProvider : ICandidateActionProvider
{
    public string Name => "lazily-throwing";

    public IEnumerable<ActionCandidate> Propose(EngagementContext context)
    {
        yield return new ActionCandidate(context.Catalog.Actions[0], ["never seen"]);
        throw new InvalidOperationException("iterator bug");
    }
}

internal sealed class ThrowingWeightRule : IContextWeightRule
{
    public string Name => "throwing-rule";

    public double Weigh(ActionCandidate candidate, EngagementContext context) => throw new InvalidOperationException("rule bug");
}

internal sealed class ConstantWeightRule(string kind, double weight) : IContextWeightRule
{
    public string Name => "constant";

    public double Weigh(ActionCandidate candidate, EngagementContext context) => candidate.Action.Kind == kind ? weight : 1.0;
}

/// <summary>Proposes every catalog action with the same reasons, naming itself <paramref name="source"/> (or nothing).</summary>
internal sealed class FixedReasonsProvider(string name, string[] reasons, string? source = null) : ICandidateActionProvider
{
    public string Name => name;

    public IEnumerable<ActionCandidate> Propose(EngagementContext context) =>
        context.Catalog.Actions.Select(action => new ActionCandidate(action, reasons, Source: source)).ToList();
}
