namespace CustomerEngine.Grains.ValueModelFitting;

/// <summary>A fit run as the API shows it.</summary>
/// <param name="Id">The run's id.</param>
/// <param name="Trigger"><c>schedule</c> or <c>request</c>.</param>
/// <param name="AsOf">The end of the calibration period.</param>
/// <param name="CalibrationStart">The start of the calibration period; null for the whole history.</param>
/// <param name="Status">Running, succeeded or failed.</param>
/// <param name="Phase">The current step.</param>
/// <param name="Progress">From 0 to 1; an estimate while fitting, since a search's length is not known beforehand.</param>
/// <param name="Detail">What the current step is doing, in words.</param>
/// <param name="StartedAt">When the run started (engine clock).</param>
/// <param name="FinishedAt">When it finished; null while running.</param>
/// <param name="Result">The fit, when the run succeeded.</param>
/// <param name="Error">Why the run failed; null otherwise.</param>
public sealed record FitRunReport(
    string Id,
    string Trigger,
    DateTimeOffset AsOf,
    DateTimeOffset? CalibrationStart,
    FitRunStatus Status,
    FitPhase Phase,
    double Progress,
    string? Detail,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    ClvFit? Result,
    string? Error);
