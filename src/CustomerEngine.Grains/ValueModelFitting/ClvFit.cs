namespace CustomerEngine.Grains.ValueModelFitting;

/// <summary>A successful fit of the value models: what the engine scores every customer with until the next one.</summary>
/// <param name="Id">The fit run that produced it.</param>
/// <param name="AsOf">The end of the calibration period: purchases on or before its UTC date were used.</param>
/// <param name="CalibrationStart">Purchases before this UTC date were ignored; null for the whole history.</param>
/// <param name="StartedAt">When the run started (engine clock).</param>
/// <param name="FinishedAt">When the run finished (engine clock).</param>
/// <param name="DurationSeconds">Wall-clock time of the run, from reading purchases to saving.</param>
/// <param name="ExcludedAnonymousVisitors">Anonymous visitors with purchases who never identified, left out of the fit.</param>
/// <param name="BgNbd">The purchase model.</param>
/// <param name="GammaGamma">The spend model.</param>
public sealed record ClvFit(
    string Id,
    DateTimeOffset AsOf,
    DateTimeOffset? CalibrationStart,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    double DurationSeconds,
    int ExcludedAnonymousVisitors,
    BgNbdEstimate BgNbd,
    GammaGammaEstimate GammaGamma);
