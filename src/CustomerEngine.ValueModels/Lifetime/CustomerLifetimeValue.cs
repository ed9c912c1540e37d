using CustomerEngine.ValueModels.BgNbd;
using CustomerEngine.ValueModels.GammaGamma;
using CustomerEngine.ValueModels.Purchases;

namespace CustomerEngine.ValueModels.Lifetime;

/// <summary>Customer lifetime value over a finite horizon: expected transactions × expected spend per transaction.</summary>
/// <remarks>
/// Discounting: the horizon is cut into months of 365.25/12 days (4.348 weeks), the last one possibly partial.
/// The transactions BG/NBD expects within month k — E[Y(end of k)] − E[Y(start of k)] — are valued at the end of
/// that month, i.e. divided by (1 + monthly rate)^k. Spend per transaction does not change over time in the
/// Gamma-Gamma model, so it multiplies the discounted transaction count. With a zero rate this is exactly
/// E[Y(horizon)] × expected spend.
/// </remarks>
public static class CustomerLifetimeValue
{
    /// <summary>The horizon used unless told otherwise: 52 weeks.</summary>
    public const double DefaultHorizonWeeks = 52;

    /// <summary>Weeks in a discounting month: 365.25 / 12 days.</summary>
    public const double WeeksPerMonth = 365.25 / 12 / 7;

    /// <summary>The lifetime value of one customer.</summary>
    /// <param name="transactions">Fitted BG/NBD parameters.</param>
    /// <param name="spend">Fitted Gamma-Gamma parameters.</param>
    /// <param name="customer">The customer's calibration summary.</param>
    /// <param name="horizonWeeks">How far ahead to look, in weeks.</param>
    /// <param name="monthlyDiscountRate">Discount rate per month; 0 for none.</param>
    /// <returns>The expected (discounted) value over the horizon.</returns>
    public static double Of(
        BgNbdParameters transactions,
        GammaGammaParameters spend,
        RfmSummary customer,
        double horizonWeeks = DefaultHorizonWeeks,
        double monthlyDiscountRate = 0)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(spend);
        ArgumentNullException.ThrowIfNull(customer);
        customer.Validate();
        var expectedSpend = customer.X > 0 && customer.MeanRepeatValue is > 0
            ? spend.ExpectedSpend(customer.MeanRepeatValue.Value, customer.X)
            : spend.PopulationMeanSpend;
        return DiscountedTransactions(transactions, customer, horizonWeeks, monthlyDiscountRate) * expectedSpend;
    }

    /// <summary>Expected transactions over the horizon, each month's share discounted to today.</summary>
    /// <param name="transactions">Fitted BG/NBD parameters.</param>
    /// <param name="customer">The customer's calibration summary.</param>
    /// <param name="horizonWeeks">How far ahead to look, in weeks.</param>
    /// <param name="monthlyDiscountRate">Discount rate per month; 0 for none.</param>
    /// <returns>The discounted expected transaction count.</returns>
    public static double DiscountedTransactions(
        BgNbdParameters transactions,
        RfmSummary customer,
        double horizonWeeks = DefaultHorizonWeeks,
        double monthlyDiscountRate = 0)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(customer);
        if (!double.IsFinite(horizonWeeks) || horizonWeeks < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(horizonWeeks), horizonWeeks, "The horizon must be a finite, non-negative number of weeks.");
        }

        if (!double.IsFinite(monthlyDiscountRate) || monthlyDiscountRate <= -1)
        {
            throw new ArgumentOutOfRangeException(nameof(monthlyDiscountRate), monthlyDiscountRate, "The discount rate must be finite and above -100%.");
        }

        double ExpectedBy(double weeks) => transactions.ExpectedTransactions(weeks, customer.X, customer.Tx, customer.T);

        if (monthlyDiscountRate == 0)
        {
            return ExpectedBy(horizonWeeks);
        }

        var total = 0.0;
        var previous = 0.0;
        for (var month = 1; (month - 1) * WeeksPerMonth < horizonWeeks; month++)
        {
            var cumulative = ExpectedBy(Math.Min(month * WeeksPerMonth, horizonWeeks));
            total += (cumulative - previous) / Math.Pow(1 + monthlyDiscountRate, month);
            previous = cumulative;
        }

        return total;
    }
}
