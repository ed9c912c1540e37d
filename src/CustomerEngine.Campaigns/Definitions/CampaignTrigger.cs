using CustomerEngine.Campaigns.Conditions;

namespace CustomerEngine.Campaigns.Definitions;

/// <summary>
/// When a campaign's offer comes up: on an event of <see cref="EventType"/> whose data matches
/// <see cref="Where"/>, or (<see cref="WhileInAudience"/>) as a standing candidate whenever the
/// customer's suggestions are decided.
/// </summary>
public sealed record CampaignTrigger
{
    /// <summary>The event type, e.g. <c>purchase</c>, <c>store.entered</c> or <c>lifecycle.changed</c>.</summary>
    public string? EventType { get; init; }

    /// <summary>A condition over the event (paths in its <c>data</c>, then its top level); null matches every event of the type.</summary>
    public Condition? Where { get; init; }

    /// <summary>True for a standing offer instead of an event trigger.</summary>
    public bool? WhileInAudience { get; init; }
}
