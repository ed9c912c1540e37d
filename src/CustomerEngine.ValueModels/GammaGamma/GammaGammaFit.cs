namespace CustomerEngine.ValueModels.GammaGamma;

/// <summary>The result of fitting the Gamma-Gamma spend model.</summary>
/// <param name="Parameters">The maximum-likelihood parameters (the best found when not converged).</param>
/// <param name="LogLikelihood">The total log-likelihood at <paramref name="Parameters"/>.</param>
/// <param name="Customers">How many customers (those with repeat transactions and a positive mean) the fit used.</param>
/// <param name="Converged">Whether the search converged to an interior maximum; when false, do not use the parameters.</param>
/// <param name="Iterations">Log-likelihood evaluations used.</param>
/// <param name="Reason">Why the fit is not trusted; null when it converged.</param>
public sealed record GammaGammaFit(GammaGammaParameters Parameters, double LogLikelihood, int Customers, bool Converged, int Iterations, string? Reason);
