namespace CustomerEngine.Grains.ValueModelFitting;

/// <summary>A fitted Gamma-Gamma spend model: the parameters and how well they explain the repeat buyers.</summary>
/// <param name="P">Shape of the per-transaction spend distribution.</param>
/// <param name="Q">Shape of the distribution of spend rates across customers.</param>
/// <param name="Gamma">Rate of the distribution of spend rates across customers.</param>
/// <param name="LogLikelihood">Log-likelihood at these parameters.</param>
/// <param name="Customers">Repeat customers the fit used.</param>
/// <param name="Evaluations">Log-likelihood evaluations the search used.</param>
public sealed record GammaGammaEstimate(double P, double Q, double Gamma, double LogLikelihood, int Customers, int Evaluations);
