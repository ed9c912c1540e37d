using CustomerEngine.Engagement.Actions;

namespace CustomerEngine.Engagement.Candidates;

/// <summary>
/// A provider's proposal to suggest one action, with why. Candidates for the same action id from
/// several providers are merged by the arbitrator: reasons concatenated, weights multiplied.
/// </summary>
/// <param name="Action">
/// The action; normally the catalog's definition. A provider may pass a copy with its title filled
/// in (same id), or a definition of its own for a plug-in action not in the catalog.
/// </param>
/// <param name="Reasons">Why, for a person, most important first.</param>
/// <param name="ContextWeight">The provider's own view of how much the moment favours the action; 1 = neutral, not negative.</param>
/// <param name="ValueOverride">A value to use instead of the action's (e.g. a campaign's per-customer value); greater than 0 when given.</param>
/// <param name="Source">The provider that proposed it; the arbitrator fills in the provider's name.</param>
public sealed record ActionCandidate(
    ActionDefinition Action,
    IReadOnlyList<string> Reasons,
    double ContextWeight = 1.0,
    double? ValueOverride = null,
    string? Source = null);
