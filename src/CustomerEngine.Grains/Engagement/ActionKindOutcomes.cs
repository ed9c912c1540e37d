namespace CustomerEngine.Grains.Engagement;

/// <summary>What happened to the suggestions of one action kind (see <see cref="OutcomeTally"/>).</summary>
/// <param name="Kind">The action kind's API name, e.g. <c>crossSell</c>.</param>
/// <param name="Presented">Suggestions shown to staff.</param>
/// <param name="Accepted">Suggestions the customer took.</param>
/// <param name="Dismissed">Suggestions declined.</param>
public sealed record ActionKindOutcomes(string Kind, long Presented, long Accepted, long Dismissed);
