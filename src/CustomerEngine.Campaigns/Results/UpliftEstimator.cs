namespace CustomerEngine.Campaigns.Results;

/// <summary>Conversion rates and uplift from the two groups' counts.</summary>
public static class UpliftEstimator
{
    /// <summary>The two-sided 95% normal quantile.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>Conversions per presentation in each group.</summary>
    public static ConversionRates Rates(GroupCounts treatment, GroupCounts holdout)
    {
        ArgumentNullException.ThrowIfNull(treatment);
        ArgumentNullException.ThrowIfNull(holdout);
        return new ConversionRates(Rate(treatment), Rate(holdout));
    }

    /// <summary>
    /// The difference of the two conversion rates with a 95% interval by the normal approximation
    /// to the difference of two independent proportions (Wald): d ± z·√(p₁(1−p₁)/n₁ + p₀(1−p₀)/n₀).
    /// With no variance (both rates 0 or 1) the interval has zero width.
    /// </summary>
    public static Uplift Estimate(GroupCounts treatment, GroupCounts holdout)
    {
        ArgumentNullException.ThrowIfNull(treatment);
        ArgumentNullException.ThrowIfNull(holdout);
        if (Rate(treatment) is not { } pt || Rate(holdout) is not { } ph)
        {
            return Uplift.Unknown;
        }

        var difference = pt - ph;
        var standardError = Math.Sqrt((pt * (1 - pt) / treatment.Presented) + (ph * (1 - ph) / holdout.Presented));
        return new Uplift(difference, difference - (Z95 * standardError), difference + (Z95 * standardError));
    }

    private static double? Rate(GroupCounts counts) =>
        counts.Presented > 0 ? Math.Min(1.0, (double)counts.Conversions / counts.Presented) : null;
}
