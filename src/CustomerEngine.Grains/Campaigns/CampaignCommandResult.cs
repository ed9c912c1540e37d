namespace CustomerEngine.Grains.Campaigns;

/// <summary>The outcome of a command, the record afterwards, and why when it was refused.</summary>
/// <param name="Outcome">What came of it.</param>
/// <param name="Record">The campaign afterwards; null when not found.</param>
/// <param name="Field">For a refusal, the field at fault.</param>
/// <param name="Detail">For a refusal, why.</param>
public sealed record CampaignCommandResult(CampaignCommandOutcome Outcome, CampaignRecord? Record, string? Field = null, string? Detail = null);
