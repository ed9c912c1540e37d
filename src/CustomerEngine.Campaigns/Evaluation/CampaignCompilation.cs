using CustomerEngine.Campaigns.Validation;

namespace CustomerEngine.Campaigns.Evaluation;

/// <summary>The result of compiling a definition: the campaign, or every problem found.</summary>
/// <param name="Campaign">The compiled campaign; null when there are errors.</param>
/// <param name="Errors">Every problem, in the order of the definition's fields.</param>
public sealed record CampaignCompilation(CompiledCampaign? Campaign, IReadOnlyList<CampaignValidationError> Errors);
