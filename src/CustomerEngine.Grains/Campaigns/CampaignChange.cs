using CustomerEngine.Campaigns.Definitions;

namespace CustomerEngine.Grains.Campaigns;

/// <summary>One audited change of a campaign: who, when, what.</summary>
/// <param name="Version">The campaign's version after the change.</param>
/// <param name="At">When it was made.</param>
/// <param name="By">Who made it (the signed-in user or the API key's name).</param>
/// <param name="Change"><c>created</c>, <c>edited</c>, <c>activated</c>, <c>paused</c> or <c>ended</c>.</param>
/// <param name="Status">The status after the change.</param>
/// <param name="Fields">For an edit, the top-level fields of the definition that changed.</param>
/// <param name="Definition">For a creation or an edit, the definition after it.</param>
public sealed record CampaignChange(
    int Version,
    DateTimeOffset At,
    string By,
    string Change,
    CampaignStatus Status,
    IReadOnlyList<string> Fields,
    CampaignDefinition? Definition);
