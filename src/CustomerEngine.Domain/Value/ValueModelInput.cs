using CustomerEngine.Domain.Customers;
using CustomerEngine.ValueModels.Purchases;

namespace CustomerEngine.Domain.Value;

/// <summary>
/// What the value models need of one customer, kept exactly by the fold: purchases on one UTC calendar day are one
/// transaction, and the spend of every purchase day after the first is summed (the first day is the customer's
/// acquisition, which the Gamma-Gamma model leaves out).
/// </summary>
/// <param name="PurchaseDays">Distinct UTC calendar days with a purchase; at least 1.</param>
/// <param name="FirstPurchaseAt">The first purchase; its UTC date is day 0.</param>
/// <param name="LastPurchaseAt">The latest purchase.</param>
/// <param name="RepeatDaySpend">Purchase totals of every purchase day after the first day.</param>
public readonly record struct ValueModelInput(int PurchaseDays, DateTimeOffset FirstPurchaseAt, DateTimeOffset LastPurchaseAt, decimal RepeatDaySpend)
{
    /// <summary>The inputs of a customer's state, or null before the first purchase.</summary>
    public static ValueModelInput? Of(CustomerStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        return stats is { PurchaseDays: > 0, FirstPurchaseAt: { } first, LastPurchaseAt: { } last }
            ? new ValueModelInput(stats.PurchaseDays, first, last, stats.RepeatDaySpend)
            : null;
    }

    /// <summary>Repeat transactions: purchase days after the first.</summary>
    public int RepeatTransactions => PurchaseDays - 1;

    /// <summary>The UTC date of the first purchase.</summary>
    public DateOnly FirstDay => TransactionDay.UtcDateOf(FirstPurchaseAt);

    /// <summary>The UTC date of the latest purchase.</summary>
    public DateOnly LastDay => TransactionDay.UtcDateOf(LastPurchaseAt);

    /// <summary>
    /// The model's (x, t_x, T, mean repeat value) with T measured to the UTC date of <paramref name="now"/>, the
    /// convention the fits use. A purchase stamped a little after <paramref name="now"/> (producers' clocks drift)
    /// counts as today.
    /// </summary>
    public RfmSummary SummaryAt(DateTimeOffset now)
    {
        var first = FirstDay;
        var last = LastDay;
        var today = TransactionDay.UtcDateOf(now);
        if (today < last)
        {
            today = last;
        }

        var repeats = RepeatTransactions;
        return new RfmSummary(
            repeats,
            TransactionDay.WeeksBetween(first, last),
            TransactionDay.WeeksBetween(first, today),
            repeats == 0 ? null : (double)(RepeatDaySpend / repeats));
    }
}
