namespace CustomerEngine.Campaigns.Results;

/// <summary>Conversions per presentation in each group; null while a group has no presentation.</summary>
/// <param name="Treatment">The treatment group's rate.</param>
/// <param name="Holdout">The holdout group's rate (per "would have been presented").</param>
public sealed record ConversionRates(double? Treatment, double? Holdout);
