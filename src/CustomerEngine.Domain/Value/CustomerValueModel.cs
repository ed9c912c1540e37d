using CustomerEngine.ValueModels.BgNbd;
using CustomerEngine.ValueModels.GammaGamma;
using CustomerEngine.ValueModels.Lifetime;

namespace CustomerEngine.Domain.Value;

/// <summary>
/// The fitted value models of the whole base (BG/NBD for purchases, Gamma-Gamma for spend) with the CLV settings,
/// applied to one customer at a time on read. Replaced as a whole when a new fit succeeds.
/// </summary>
public sealed record CustomerValueModel
{
    /// <summary>Creates a model from fitted parameters.</summary>
    /// <param name="transactions">Fitted BG/NBD parameters.</param>
    /// <param name="spend">Fitted Gamma-Gamma parameters; q must exceed 1, or the mean spend would be infinite.</param>
    /// <param name="horizonWeeks">The CLV horizon in weeks.</param>
    /// <param name="monthlyDiscountRate">The CLV discount rate per month; 0 for none.</param>
    /// <exception cref="ArgumentException">A parameter would make a forecast infinite or undefined.</exception>
    public CustomerValueModel(BgNbdParameters transactions, GammaGammaParameters spend, double horizonWeeks = CustomerLifetimeValue.DefaultHorizonWeeks, double monthlyDiscountRate = 0)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(spend);
        if (!(spend.Q > 1))
        {
            throw new ArgumentException($"Gamma-Gamma q = {spend.Q} makes the mean spend infinite; q must exceed 1.", nameof(spend));
        }

        if (!double.IsFinite(horizonWeeks) || horizonWeeks < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(horizonWeeks), horizonWeeks, "The horizon must be a finite, non-negative number of weeks.");
        }

        if (!double.IsFinite(monthlyDiscountRate) || monthlyDiscountRate <= -1)
        {
            throw new ArgumentOutOfRangeException(nameof(monthlyDiscountRate), monthlyDiscountRate, "The discount rate must be finite and above -100%.");
        }

        Transactions = transactions;
        Spend = spend;
        HorizonWeeks = horizonWeeks;
        MonthlyDiscountRate = monthlyDiscountRate;
    }

    /// <summary>Fitted BG/NBD parameters.</summary>
    public BgNbdParameters Transactions { get; }

    /// <summary>Fitted Gamma-Gamma parameters.</summary>
    public GammaGammaParameters Spend { get; }

    /// <summary>The CLV horizon in weeks.</summary>
    public double HorizonWeeks { get; }

    /// <summary>The CLV discount rate per month.</summary>
    public double MonthlyDiscountRate { get; }

    /// <summary>
    /// P(alive), expected purchases and spend, and CLV of a customer as of <paramref name="now"/>; null when the
    /// numbers cannot be evaluated (a hypergeometric series that does not converge for extreme inputs), so that
    /// no NaN or infinity ever reaches a view or a ranking.
    /// </summary>
    public ValueForecast? Forecast(ValueModelInput input, DateTimeOffset now)
    {
        var summary = input.SummaryAt(now);
        try
        {
            var alive = Transactions.ProbabilityAlive(summary.X, summary.Tx, summary.T);
            var expected = Transactions.ExpectedTransactions(HorizonWeeks, summary.X, summary.Tx, summary.T);
            var spend = summary is { X: > 0, MeanRepeatValue: > 0 }
                ? Spend.ExpectedSpend(summary.MeanRepeatValue.Value, summary.X)
                : Spend.PopulationMeanSpend;
            var discounted = MonthlyDiscountRate == 0
                ? expected
                : CustomerLifetimeValue.DiscountedTransactions(Transactions, summary, HorizonWeeks, MonthlyDiscountRate);
            var forecast = new ValueForecast(alive, expected, spend, discounted * spend);
            return double.IsFinite(alive) && double.IsFinite(expected) && double.IsFinite(spend) && double.IsFinite(forecast.LifetimeValue)
                ? forecast
                : null;
        }
        catch (ArithmeticException)
        {
            return null;
        }
    }

    /// <summary>
    /// The moment P(alive) first falls below <paramref name="threshold"/> if the customer buys nothing more: the
    /// start (midnight UTC) of the first such day, never the day of the latest purchase (a customer seen buying
    /// today is alive today). Null when it never does (no repeat purchase yet, or a threshold of 0).
    /// </summary>
    public DateTimeOffset? FallsBelow(ValueModelInput input, double threshold)
    {
        var first = input.FirstDay;
        var lastDay = input.LastDay.DayNumber - first.DayNumber;
        var day = ProbabilityAliveCrossing.FirstDayBelow(Transactions, input.RepeatTransactions, lastDay, lastDay + 1, threshold);
        return day is { } d
            ? new DateTimeOffset(first.AddDays(d).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc))
            : null;
    }
}
