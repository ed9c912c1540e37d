using CustomerEngine.ValueModels.Mathematics;
using MathNet.Numerics;

namespace CustomerEngine.ValueModels.BgNbd;

/// <summary>
/// The four BG/NBD parameters (Fader, Hardie and Lee 2005): transaction rates are gamma(r, alpha) across
/// customers, and the dropout probability after each repeat transaction is beta(a, b). Time is in weeks.
/// </summary>
public sealed record BgNbdParameters
{
    /// <summary>Creates a parameter set; all four must be positive and finite.</summary>
    /// <param name="r">Shape of the gamma distribution of transaction rates.</param>
    /// <param name="alpha">Rate (in weeks) of the gamma distribution of transaction rates.</param>
    /// <param name="a">First shape of the beta distribution of dropout probabilities.</param>
    /// <param name="b">Second shape of the beta distribution of dropout probabilities.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not positive and finite.</exception>
    public BgNbdParameters(double r, double alpha, double a, double b)
    {
        R = Positive(r, nameof(r));
        Alpha = Positive(alpha, nameof(alpha));
        A = Positive(a, nameof(a));
        B = Positive(b, nameof(b));
    }

    /// <summary>Shape of the gamma distribution of transaction rates.</summary>
    public double R { get; }

    /// <summary>Rate (in weeks) of the gamma distribution of transaction rates.</summary>
    public double Alpha { get; }

    /// <summary>First shape of the beta distribution of dropout probabilities.</summary>
    public double A { get; }

    /// <summary>Second shape of the beta distribution of dropout probabilities.</summary>
    public double B { get; }

    /// <summary>The log-likelihood of one customer's (x, t_x, T) — the logarithm of equation 6 of the paper.</summary>
    /// <param name="x">Repeat transactions.</param>
    /// <param name="tx">Weeks from first to last transaction.</param>
    /// <param name="T">Weeks from first transaction to the end of observation.</param>
    /// <returns>The log-likelihood.</returns>
    public double LogLikelihood(int x, double tx, double T)
    {
        var terms = BgNbdLikelihoodTerms.For(this, x);
        return terms.LogLikelihood(Math.Log(Alpha + T), Math.Log(Alpha + tx));
    }

    /// <summary>The probability that a customer with this history is still active at T (equation 13 of the paper).</summary>
    /// <param name="x">Repeat transactions.</param>
    /// <param name="tx">Weeks from first to last transaction.</param>
    /// <param name="T">Weeks from first transaction to the end of observation.</param>
    /// <returns>P(alive), in (0, 1].</returns>
    public double ProbabilityAlive(int x, double tx, double T)
    {
        if (x == 0)
        {
            return 1;
        }

        var logOdds = Math.Log(A / (B + x - 1)) + (R + x) * (Math.Log(Alpha + T) - Math.Log(Alpha + tx));
        return 1 / (1 + Math.Exp(logOdds));
    }

    /// <summary>
    /// Expected transactions in the next <paramref name="t"/> weeks given the history (equation 10 of the paper).
    /// </summary>
    /// <param name="t">Horizon in weeks after T.</param>
    /// <param name="x">Repeat transactions.</param>
    /// <param name="tx">Weeks from first to last transaction.</param>
    /// <param name="T">Weeks from first transaction to the end of observation.</param>
    /// <returns>The conditional expectation, non-negative.</returns>
    public double ExpectedTransactions(double t, int x, double tx, double T)
    {
        if (!(t >= 0) || !double.IsFinite(t))
        {
            throw new ArgumentOutOfRangeException(nameof(t), t, "The horizon must be a finite, non-negative number of weeks.");
        }

        if (t == 0)
        {
            return 0;
        }

        // Equation 10 divides by (a - 1); it is continuous in a, so at a = 1 the neighbours are averaged.
        if (Math.Abs(A - 1) < 1e-7)
        {
            return 0.5 * (new BgNbdParameters(R, Alpha, 1 - 1e-6, B).ExpectedTransactions(t, x, tx, T)
                + new BgNbdParameters(R, Alpha, 1 + 1e-6, B).ExpectedTransactions(t, x, tx, T));
        }

        var z = t / (Alpha + T + t);
        var hypergeometric = GaussHypergeometric.Evaluate(R + x, B + x, A + B + x - 1, z);
        var decay = Math.Exp((R + x) * (Math.Log(Alpha + T) - Math.Log(Alpha + T + t)));
        var numerator = (A + B + x - 1) / (A - 1) * (1 - decay * hypergeometric);
        return Math.Max(0, numerator * ProbabilityAlive(x, tx, T));
    }

    /// <summary>Expected transactions in the first <paramref name="t"/> weeks of a new customer (equation 9 of the paper).</summary>
    /// <param name="t">Weeks since the first transaction.</param>
    /// <returns>The unconditional expectation.</returns>
    public double ExpectedTransactions(double t) => ExpectedTransactions(t, 0, 0, 0);

    private static double Positive(double value, string name) =>
        double.IsFinite(value) && value > 0
            ? value
            : throw new ArgumentOutOfRangeException(name, value, "BG/NBD parameters must be positive and finite.");
}
