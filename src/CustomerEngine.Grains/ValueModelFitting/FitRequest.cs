namespace CustomerEngine.Grains.ValueModelFitting;

/// <summary>What to fit on: purchases on UTC dates from <paramref name="CalibrationStart"/> through <paramref name="AsOf"/>.</summary>
/// <param name="AsOf">The end of the calibration period; its whole UTC day is included.</param>
/// <param name="CalibrationStart">Purchases before this UTC date are ignored; null for the whole history.</param>
public sealed record FitRequest(DateTimeOffset AsOf, DateTimeOffset? CalibrationStart = null);
