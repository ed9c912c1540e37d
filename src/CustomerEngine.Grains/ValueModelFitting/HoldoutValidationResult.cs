using CustomerEngine.ValueModels.Validation;

namespace CustomerEngine.Grains.ValueModelFitting;

/// <summary>A BG/NBD fit on a calibration period and how well it predicted the holdout period that followed.</summary>
/// <param name="CalibrationEnd">The end of the calibration period (its whole UTC day included).</param>
/// <param name="HoldoutEnd">The end of the holdout period (its whole UTC day included).</param>
/// <param name="BgNbd">The model fitted on the calibration period.</param>
/// <param name="Report">Predicted against actual repeat purchases in the holdout.</param>
public sealed record HoldoutValidationResult(DateTimeOffset CalibrationEnd, DateTimeOffset HoldoutEnd, BgNbdEstimate BgNbd, HoldoutReport Report);
