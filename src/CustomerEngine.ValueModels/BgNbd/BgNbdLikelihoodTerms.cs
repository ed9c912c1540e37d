using MathNet.Numerics;

namespace CustomerEngine.ValueModels.BgNbd;

/// <summary>
/// The parts of the BG/NBD log-likelihood that depend on x alone, so a fit computes them once per distinct x.
/// </summary>
/// <remarks>
/// Equation 6 of the paper is a sum of a "still alive at T" term and, for x &gt; 0, a "dropped out after the last
/// transaction" term. Factoring out the alive term gives
/// ln L = Constant − (r+x)·ln(α+T) + ln(1 + exp(DropoutLogWeight − (r+x)·(ln(α+t_x) − ln(α+T)))),
/// so the first two parts can be summed per distinct x and T and only the last part needs each (x, t_x, T).
/// </remarks>
internal readonly record struct BgNbdLikelihoodTerms(double RPlusX, double Constant, double DropoutLogWeight, bool CanHaveDroppedOut)
{
    public static BgNbdLikelihoodTerms For(BgNbdParameters p, int x)
    {
        var constant = SpecialFunctions.GammaLn(p.R + x) - SpecialFunctions.GammaLn(p.R) + p.R * Math.Log(p.Alpha)
            + SpecialFunctions.GammaLn(p.A + p.B) + SpecialFunctions.GammaLn(p.B + x)
            - SpecialFunctions.GammaLn(p.B) - SpecialFunctions.GammaLn(p.A + p.B + x);
        var dropout = x > 0 ? Math.Log(p.A) - Math.Log(p.B + x - 1) : double.NegativeInfinity;
        return new BgNbdLikelihoodTerms(p.R + x, constant, dropout, x > 0);
    }

    /// <summary>The full log-likelihood given ln(α+T) and ln(α+t_x).</summary>
    public double LogLikelihood(double logAlphaPlusT, double logAlphaPlusTx) =>
        Constant - RPlusX * logAlphaPlusT + DropoutCorrection(logAlphaPlusT, logAlphaPlusTx);

    /// <summary>ln(1 + dropped-out term / alive term); zero when x = 0.</summary>
    public double DropoutCorrection(double logAlphaPlusT, double logAlphaPlusTx)
    {
        if (!CanHaveDroppedOut)
        {
            return 0;
        }

        var logRatio = DropoutLogWeight - RPlusX * (logAlphaPlusTx - logAlphaPlusT);
        // ln(1 + e^d) written so that neither branch can overflow.
        return logRatio > 0
            ? logRatio + Math.Log(1 + Math.Exp(-logRatio))
            : Math.Log(1 + Math.Exp(logRatio));
    }
}
