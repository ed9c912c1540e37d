namespace CustomerEngine.ValueModels.BgNbd;

/// <summary>
/// The day on which a customer's P(alive) falls below a threshold if they buy nothing more, at the calendar-day
/// resolution of <see cref="Purchases.CalibrationSummary"/>.
/// </summary>
/// <remarks>
/// For fixed x and t_x the odds of having dropped out grow like (α+T)^(r+x), so P(alive) falls monotonically in T
/// and the first day below the threshold is found by bisection over whole days. A closed form exists for the
/// continuous crossing, but bisection on the same function the view evaluates cannot disagree with it by a
/// rounding error at the day boundary.
/// </remarks>
public static class ProbabilityAliveCrossing
{
    /// <summary>How far ahead the search looks: 100 years. A crossing later than that is treated as none.</summary>
    public const int MaximumDays = 36_525;

    /// <summary>
    /// The first whole number of days since the first transaction, no earlier than <paramref name="fromDay"/>, at
    /// which P(alive) is below <paramref name="threshold"/>.
    /// </summary>
    /// <param name="parameters">Fitted BG/NBD parameters.</param>
    /// <param name="x">Repeat transactions.</param>
    /// <param name="txDays">Days from the first to the last transaction.</param>
    /// <param name="fromDay">The earliest day that may be returned, in days since the first transaction.</param>
    /// <param name="threshold">The P(alive) threshold; 0 or less never crosses.</param>
    /// <returns>The day, or null when P(alive) stays at or above the threshold up to <see cref="MaximumDays"/>
    /// (always the case without repeat transactions, whose P(alive) is 1).</returns>
    public static int? FirstDayBelow(BgNbdParameters parameters, int x, int txDays, int fromDay, double threshold)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        ArgumentOutOfRangeException.ThrowIfNegative(txDays);
        if (x == 0 || !(threshold > 0))
        {
            return null;
        }

        fromDay = Math.Max(fromDay, txDays);
        bool Below(int day) => parameters.ProbabilityAlive(x, txDays / 7.0, day / 7.0) < threshold;

        if (fromDay > MaximumDays || !Below(MaximumDays))
        {
            return null;
        }

        if (Below(fromDay))
        {
            return fromDay;
        }

        // Invariant: P(alive) is at or above the threshold on day `above` and below it on day `below`.
        var above = fromDay;
        var below = MaximumDays;
        while (below - above > 1)
        {
            var middle = above + ((below - above) / 2);
            if (Below(middle))
            {
                below = middle;
            }
            else
            {
                above = middle;
            }
        }

        return below;
    }
}
