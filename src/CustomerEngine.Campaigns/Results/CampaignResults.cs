using CustomerEngine.Campaigns.Definitions;

namespace CustomerEngine.Campaigns.Results;

/// <summary>What <c>GET /api/campaigns/{id}/results</c> returns and the hub pushes.</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Status">Its status now.</param>
/// <param name="At">When these counts were read.</param>
/// <param name="Treatment">The treatment group's counts.</param>
/// <param name="Holdout">The holdout group's counts (<c>presented</c> = would have been presented).</param>
/// <param name="ConversionRate">Conversions per presentation in each group.</param>
/// <param name="Uplift">Treatment rate minus holdout rate, with a 95% interval.</param>
/// <param name="Series">Counts per time bucket, oldest first.</param>
/// <param name="BucketSeconds">The width of a series bucket.</param>
/// <param name="Budget">The total budget, or null when there is none.</param>
/// <param name="BudgetUsed">Presentations counted against the budget (including any in flight).</param>
/// <param name="AttributionWindowDays">How long after a presentation a purchase counts as a conversion.</param>
public sealed record CampaignResults(
    string CampaignId,
    CampaignStatus Status,
    DateTimeOffset At,
    GroupCounts Treatment,
    GroupCounts Holdout,
    ConversionRates ConversionRate,
    Uplift Uplift,
    IReadOnlyList<SeriesPoint> Series,
    long BucketSeconds,
    long? Budget,
    long BudgetUsed,
    double AttributionWindowDays);
