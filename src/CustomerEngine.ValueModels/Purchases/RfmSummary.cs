namespace CustomerEngine.ValueModels.Purchases;

/// <summary>
/// The sufficient statistics of a customer's calibration-period history for BG/NBD and Gamma-Gamma.
/// All times are in weeks.
/// </summary>
/// <param name="X">Number of repeat transactions (transaction days after the first).</param>
/// <param name="Tx">Weeks from the first transaction to the last one (0 when <paramref name="X"/> is 0).</param>
/// <param name="T">Weeks from the first transaction to the end of the calibration period.</param>
/// <param name="MeanRepeatValue">Mean value of the repeat transactions; null when there are none.</param>
public sealed record RfmSummary(int X, double Tx, double T, double? MeanRepeatValue = null)
{
    /// <summary>Throws when the summary cannot describe a real purchase history.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The statistics are negative, non-finite or inconsistent.</exception>
    public void Validate()
    {
        if (X < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(X), X, "Repeat transactions cannot be negative.");
        }

        if (!double.IsFinite(T) || T < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(T), T, "T must be a finite, non-negative number of weeks.");
        }

        if (!double.IsFinite(Tx) || Tx < 0 || Tx > T)
        {
            throw new ArgumentOutOfRangeException(nameof(Tx), Tx, "Tx must lie between 0 and T.");
        }

        if (X == 0 && Tx != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Tx), Tx, "A customer without repeat transactions has Tx = 0.");
        }
    }
}
