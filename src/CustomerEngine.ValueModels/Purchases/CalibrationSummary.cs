namespace CustomerEngine.ValueModels.Purchases;

/// <summary>
/// Turns raw purchases into the (x, t_x, T) statistics of the BG/NBD and Gamma-Gamma models.
/// </summary>
/// <remarks>
/// Time has calendar-day resolution: purchases on the same UTC date are one transaction (amounts summed),
/// and the whole UTC day of the as-of instant belongs to the calibration period. T counts whole days from
/// the first transaction day to the as-of day, divided by seven — the convention of Fader and Hardie's CDNOW
/// data (a customer who first bought on 1997-01-01 has T = 272/7 = 38.86 at 1997-09-30), which reproduces the
/// published estimates.
/// </remarks>
public static class CalibrationSummary
{
    /// <summary>Summarises one customer's purchases up to and including the UTC day of <paramref name="asOf"/>.</summary>
    /// <param name="purchases">The customer's purchases; later ones are ignored.</param>
    /// <param name="asOf">The end of the calibration period.</param>
    /// <returns>The summary, or null when the customer had not bought anything by then.</returns>
    public static RfmSummary? Of(IEnumerable<Purchase> purchases, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(purchases);
        var lastDay = TransactionDay.UtcDateOf(asOf);
        var days = TransactionDay.Of(purchases).Where(day => day.Date <= lastDay).ToList();
        if (days.Count == 0)
        {
            return null;
        }

        var first = days[0].Date;
        var repeats = days.Count - 1;
        double? meanRepeatValue = repeats == 0
            ? null
            : (double)(days.Skip(1).Sum(day => day.Amount) / repeats);
        return new RfmSummary(
            repeats,
            TransactionDay.WeeksBetween(first, days[^1].Date),
            TransactionDay.WeeksBetween(first, lastDay),
            meanRepeatValue);
    }

    /// <summary>Summarises every customer who had bought by <paramref name="asOf"/>.</summary>
    /// <param name="histories">The customers' purchase histories.</param>
    /// <param name="asOf">The end of the calibration period.</param>
    /// <returns>One summary per customer with at least one purchase by then, keyed by customer id.</returns>
    public static IReadOnlyDictionary<string, RfmSummary> Of(IEnumerable<PurchaseHistory> histories, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(histories);
        var summaries = new Dictionary<string, RfmSummary>(StringComparer.Ordinal);
        foreach (var history in histories)
        {
            if (Of(history.Purchases, asOf) is { } summary)
            {
                summaries.Add(history.CustomerId, summary);
            }
        }

        return summaries;
    }
}
