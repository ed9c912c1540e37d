namespace CustomerEngine.Campaigns.Validation;

/// <summary>One problem with a campaign definition.</summary>
/// <param name="Field">The JSON path of the field at fault, e.g. <c>audience.all[1].in</c>.</param>
/// <param name="Message">What is wrong, in plain English.</param>
public sealed record CampaignValidationError(string Field, string Message);
