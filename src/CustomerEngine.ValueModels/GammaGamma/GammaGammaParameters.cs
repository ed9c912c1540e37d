using MathNet.Numerics;

namespace CustomerEngine.ValueModels.GammaGamma;

/// <summary>
/// The Gamma-Gamma spend model (Fader, Hardie and Lee 2005; Fader and Hardie's note): each transaction value is
/// gamma(p, nu), and nu varies across customers as gamma(q, gamma).
/// </summary>
public sealed record GammaGammaParameters
{
    /// <summary>Creates a parameter set; all three must be positive and finite.</summary>
    /// <param name="p">Shape of the per-transaction value distribution.</param>
    /// <param name="q">Shape of the distribution of nu across customers.</param>
    /// <param name="gamma">Rate of the distribution of nu across customers.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not positive and finite.</exception>
    public GammaGammaParameters(double p, double q, double gamma)
    {
        P = Positive(p, nameof(p));
        Q = Positive(q, nameof(q));
        Gamma = Positive(gamma, nameof(gamma));
    }

    /// <summary>Shape of the per-transaction value distribution.</summary>
    public double P { get; }

    /// <summary>Shape of the distribution of nu across customers.</summary>
    public double Q { get; }

    /// <summary>Rate of the distribution of nu across customers.</summary>
    public double Gamma { get; }

    /// <summary>The mean transaction value across the population, p·gamma/(q − 1); defined only for q &gt; 1.</summary>
    /// <exception cref="InvalidOperationException">q ≤ 1, so the population mean is infinite.</exception>
    public double PopulationMeanSpend => Q > 1
        ? P * Gamma / (Q - 1)
        : throw new InvalidOperationException("The population mean spend is infinite when q <= 1.");

    /// <summary>
    /// Log-density of a customer's mean transaction value given x transactions:
    /// ln[Γ(px+q)/(Γ(px)Γ(q)) · γ^q · x^(px) · m^(px−1) / (γ + x·m)^(px+q)].
    /// </summary>
    /// <param name="meanValue">The customer's mean transaction value; positive.</param>
    /// <param name="x">How many transactions the mean is over; at least 1.</param>
    /// <returns>The log-likelihood.</returns>
    public double LogLikelihood(double meanValue, int x)
    {
        RequireObservation(meanValue, x);
        var px = P * x;
        return SpecialFunctions.GammaLn(px + Q) - SpecialFunctions.GammaLn(px) - SpecialFunctions.GammaLn(Q)
            + Q * Math.Log(Gamma) + px * Math.Log(x) + (px - 1) * Math.Log(meanValue) - (px + Q) * Math.Log(Gamma + x * meanValue);
    }

    /// <summary>
    /// Expected value of the customer's future transactions: (gamma + x·m)·p/(p·x + q − 1), a weighted average of the
    /// population mean and the customer's own mean. With no transactions it is the population mean.
    /// </summary>
    /// <param name="meanValue">The customer's mean repeat-transaction value; ignored when x is 0.</param>
    /// <param name="x">How many transactions the mean is over.</param>
    /// <returns>The expected spend per transaction.</returns>
    /// <exception cref="InvalidOperationException">x is 0 and q ≤ 1.</exception>
    public double ExpectedSpend(double meanValue, int x)
    {
        if (x == 0)
        {
            return PopulationMeanSpend;
        }

        RequireObservation(meanValue, x);
        var denominator = P * x + Q - 1;
        return denominator > 0
            ? (Gamma + x * meanValue) * P / denominator
            : throw new InvalidOperationException("The expected spend is infinite when p·x + q <= 1.");
    }

    private static void RequireObservation(double meanValue, int x)
    {
        if (x < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "A mean value needs at least one transaction.");
        }

        if (!double.IsFinite(meanValue) || meanValue <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(meanValue), meanValue, "The mean transaction value must be positive and finite.");
        }
    }

    private static double Positive(double value, string name) =>
        double.IsFinite(value) && value > 0
            ? value
            : throw new ArgumentOutOfRangeException(name, value, "Gamma-Gamma parameters must be positive and finite.");
}
