namespace CustomerEngine.ValueModels.Validation;

/// <summary>Actual vs predicted holdout transactions for customers with the same number of calibration repeat transactions.</summary>
/// <param name="CalibrationTransactions">Repeat transactions in the calibration period (the lower bound for the open-ended last group).</param>
/// <param name="IsOpenEnded">Whether the group holds everyone with at least <paramref name="CalibrationTransactions"/>.</param>
/// <param name="Customers">Customers in the group.</param>
/// <param name="ActualTotal">Transactions they actually made in the holdout.</param>
/// <param name="PredictedTotal">Transactions the model expected of them in the holdout.</param>
public sealed record HoldoutGroup(int CalibrationTransactions, bool IsOpenEnded, int Customers, double ActualTotal, double PredictedTotal)
{
    /// <summary>Mean actual holdout transactions per customer.</summary>
    public double ActualMean => Customers == 0 ? 0 : ActualTotal / Customers;

    /// <summary>Mean predicted holdout transactions per customer.</summary>
    public double PredictedMean => Customers == 0 ? 0 : PredictedTotal / Customers;

    /// <summary>The group's label: the count, with "+" for the open-ended group.</summary>
    public string Label => IsOpenEnded ? $"{CalibrationTransactions}+" : CalibrationTransactions.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
