namespace CustomerEngine.Engagement.Suggestions;

/// <summary>The factors of a suggestion's priority: priority = propensity × context weight × value × lever.</summary>
/// <param name="Propensity">The sampled chance (0..1) that the customer accepts, from the action's Beta posterior.</param>
/// <param name="ContextWeight">How much the moment favours the action (in store, basket, recent complaint…), 1 = neutral.</param>
/// <param name="Value">The business value of the action if accepted.</param>
/// <param name="Lever">A business lever set by the catalog or a campaign, 1 = neutral.</param>
public sealed record PriorityFactors(double Propensity, double ContextWeight, double Value, double Lever);
