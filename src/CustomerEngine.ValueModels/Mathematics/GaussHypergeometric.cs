namespace CustomerEngine.ValueModels.Mathematics;

/// <summary>The Gaussian hypergeometric function 2F1(a, b; c; z) for 0 ≤ z &lt; 1, which the BG/NBD expectations need.</summary>
public static class GaussHypergeometric
{
    private const int MaximumTerms = 5_000_000;
    private const double RelativeTolerance = 1e-15;

    /// <summary>Evaluates 2F1(a, b; c; z) by its power series.</summary>
    /// <param name="a">First numerator parameter.</param>
    /// <param name="b">Second numerator parameter.</param>
    /// <param name="c">Denominator parameter; must be positive.</param>
    /// <param name="z">The argument, in [0, 1).</param>
    /// <returns>The value of the function.</returns>
    /// <exception cref="ArgumentOutOfRangeException">z is outside [0, 1) or c is not positive.</exception>
    /// <exception cref="ArithmeticException">The series did not converge within its term budget.</exception>
    public static double Evaluate(double a, double b, double c, double z)
    {
        if (!(z >= 0 && z < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(z), z, "The series is only used for 0 <= z < 1.");
        }

        if (!(c > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(c), c, "c must be positive.");
        }

        var term = 1.0;
        var sum = 1.0;
        for (var n = 0; n < MaximumTerms; n++)
        {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            sum += term;
            // Terms may grow before they shrink (a, b > c), so only stop once the ratio has turned below one.
            var ratioBelowOne = Math.Abs((a + n + 1) * (b + n + 1) / ((c + n + 1) * (n + 2)) * z) < 1;
            if (ratioBelowOne && Math.Abs(term) <= RelativeTolerance * Math.Abs(sum))
            {
                return sum;
            }

            if (!double.IsFinite(sum))
            {
                break;
            }
        }

        throw new ArithmeticException($"2F1({a}, {b}; {c}; {z}) did not converge within {MaximumTerms} terms.");
    }
}
