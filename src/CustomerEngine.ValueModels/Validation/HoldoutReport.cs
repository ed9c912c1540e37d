namespace CustomerEngine.ValueModels.Validation;

/// <summary>How well BG/NBD predicted repeat transactions in a holdout period.</summary>
/// <param name="Customers">Customers with a purchase by the calibration end.</param>
/// <param name="HorizonWeeks">Length of the holdout period in weeks.</param>
/// <param name="ActualTotal">Repeat transactions actually made in the holdout.</param>
/// <param name="PredictedTotal">Repeat transactions the model expected in the holdout.</param>
/// <param name="MeanAbsoluteError">Mean over customers of |actual − predicted|.</param>
/// <param name="Groups">Actual vs predicted by calibration repeat transactions, lowest first, the last open-ended.</param>
public sealed record HoldoutReport(
    int Customers,
    double HorizonWeeks,
    double ActualTotal,
    double PredictedTotal,
    double MeanAbsoluteError,
    IReadOnlyList<HoldoutGroup> Groups);
