using System.Buffers;

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
    /// <param name="purchases">The customer's purchases, in any order; later ones are ignored.</param>
    /// <param name="asOf">The end of the calibration period.</param>
    /// <returns>The summary, or null when the customer had not bought anything by then.</returns>
    public static RfmSummary? Of(IEnumerable<Purchase> purchases, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(purchases);
        var lastDay = DayNumberOf(asOf);

        // A fit summarises every customer of the base: one pooled buffer sorted by day instead of grouping
        // keeps a million customers to a fraction of a second and allocates nothing per customer.
        var buffer = ArrayPool<DayAmount>.Shared.Rent(purchases.TryGetNonEnumeratedCount(out var known) ? Math.Max(known, 1) : 16);
        try
        {
            var count = 0;
            foreach (var purchase in purchases)
            {
                var day = DayNumberOf(purchase.At);
                if (day > lastDay)
                {
                    continue;
                }

                if (count == buffer.Length)
                {
                    var larger = ArrayPool<DayAmount>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, count).CopyTo(larger);
                    ArrayPool<DayAmount>.Shared.Return(buffer);
                    buffer = larger;
                }

                buffer[count++] = new DayAmount(day, purchase.Amount);
            }

            if (count == 0)
            {
                return null;
            }

            var days = buffer.AsSpan(0, count);
            days.Sort(static (a, b) => a.Day.CompareTo(b.Day));
            var first = days[0].Day;
            var last = first;
            var transactionDays = 1;
            var repeatSpend = 0m;
            for (var i = 1; i < days.Length; i++)
            {
                if (days[i].Day != last)
                {
                    transactionDays++;
                    last = days[i].Day;
                }

                if (days[i].Day != first)
                {
                    repeatSpend += days[i].Amount;
                }
            }

            var repeats = transactionDays - 1;
            return new RfmSummary(
                repeats,
                (last - first) / 7.0,
                (lastDay - first) / 7.0,
                repeats == 0 ? null : (double)(repeatSpend / repeats));
        }
        finally
        {
            ArrayPool<DayAmount>.Shared.Return(buffer);
        }
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

    // Days since 0001-01-01 of the UTC date: the same number DateOnly.DayNumber gives, without building a date.
    private static int DayNumberOf(DateTimeOffset instant) => (int)(instant.UtcTicks / TimeSpan.TicksPerDay);

    private readonly record struct DayAmount(int Day, decimal Amount);
}
