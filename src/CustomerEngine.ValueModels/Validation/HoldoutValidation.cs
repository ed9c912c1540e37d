using CustomerEngine.ValueModels.BgNbd;
using CustomerEngine.ValueModels.Purchases;

namespace CustomerEngine.ValueModels.Validation;

/// <summary>Compares BG/NBD predictions with what customers actually did after the calibration period.</summary>
public static class HoldoutValidation
{
    /// <summary>The calibration count from which customers share one open-ended group: 7+.</summary>
    public const int DefaultOpenEndedFrom = 7;

    /// <summary>
    /// Predicts each customer's transactions between the calibration end and the holdout end from their calibration
    /// history, and compares with the transaction days (UTC calendar days) actually observed in that span.
    /// </summary>
    /// <param name="histories">Complete purchase histories covering both periods.</param>
    /// <param name="parameters">BG/NBD parameters fitted on the calibration period.</param>
    /// <param name="calibrationEnd">Last instant (its whole UTC day) of the calibration period.</param>
    /// <param name="holdoutEnd">Last instant (its whole UTC day) of the holdout period.</param>
    /// <param name="openEndedFrom">Calibration count from which customers are grouped together.</param>
    /// <returns>Totals, mean absolute error and the grouped table.</returns>
    public static HoldoutReport Run(
        IEnumerable<PurchaseHistory> histories,
        BgNbdParameters parameters,
        DateTimeOffset calibrationEnd,
        DateTimeOffset holdoutEnd,
        int openEndedFrom = DefaultOpenEndedFrom)
    {
        ArgumentNullException.ThrowIfNull(histories);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfNegative(openEndedFrom);
        var calibrationDay = TransactionDay.UtcDateOf(calibrationEnd);
        var holdoutDay = TransactionDay.UtcDateOf(holdoutEnd);
        if (holdoutDay < calibrationDay)
        {
            throw new ArgumentException("The holdout must end after the calibration period.", nameof(holdoutEnd));
        }

        var horizon = TransactionDay.WeeksBetween(calibrationDay, holdoutDay);
        var actualByGroup = new double[openEndedFrom + 1];
        var predictedByGroup = new double[openEndedFrom + 1];
        var customersByGroup = new int[openEndedFrom + 1];
        var customers = 0;
        var absoluteErrors = 0.0;
        foreach (var history in histories)
        {
            var days = TransactionDay.Of(history.Purchases);
            if (CalibrationSummary.Of(history.Purchases, calibrationEnd) is not { } summary)
            {
                continue;
            }

            var actual = days.Count(day => day.Date > calibrationDay && day.Date <= holdoutDay);
            var predicted = parameters.ExpectedTransactions(horizon, summary.X, summary.Tx, summary.T);
            var group = Math.Min(summary.X, openEndedFrom);
            actualByGroup[group] += actual;
            predictedByGroup[group] += predicted;
            customersByGroup[group]++;
            absoluteErrors += Math.Abs(actual - predicted);
            customers++;
        }

        var groups = Enumerable.Range(0, openEndedFrom + 1)
            .Select(group => new HoldoutGroup(group, group == openEndedFrom, customersByGroup[group], actualByGroup[group], predictedByGroup[group]))
            .ToList();
        return new HoldoutReport(
            customers,
            horizon,
            actualByGroup.Sum(),
            predictedByGroup.Sum(),
            customers == 0 ? 0 : absoluteErrors / customers,
            groups);
    }
}
