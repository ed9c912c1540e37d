namespace CustomerEngine.ValueModels.Purchases;

/// <summary>All of a customer's purchases on one UTC calendar day, which the models count as one transaction.</summary>
/// <param name="Date">The UTC calendar day.</param>
/// <param name="Amount">The summed value of the day's purchases.</param>
public readonly record struct TransactionDay(DateOnly Date, decimal Amount)
{
    /// <summary>Merges purchases into one transaction per UTC calendar day, ordered by day.</summary>
    /// <param name="purchases">The purchases to merge.</param>
    /// <returns>The transaction days in ascending order.</returns>
    public static IReadOnlyList<TransactionDay> Of(IEnumerable<Purchase> purchases)
    {
        ArgumentNullException.ThrowIfNull(purchases);
        return purchases
            .GroupBy(purchase => DateOnly.FromDateTime(purchase.At.UtcDateTime))
            .Select(day => new TransactionDay(day.Key, day.Sum(purchase => purchase.Amount)))
            .OrderBy(day => day.Date)
            .ToList();
    }

    /// <summary>The UTC calendar day of an instant.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>Its UTC date.</returns>
    public static DateOnly UtcDateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);

    /// <summary>Weeks between two calendar days.</summary>
    /// <param name="from">The earlier day.</param>
    /// <param name="to">The later day.</param>
    /// <returns>Whole days between them divided by seven.</returns>
    public static double WeeksBetween(DateOnly from, DateOnly to) => (to.DayNumber - from.DayNumber) / 7.0;
}
