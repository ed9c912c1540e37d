namespace CustomerEngine.ValueModels.BgNbd;

/// <summary>The result of fitting BG/NBD to a customer base.</summary>
/// <param name="Parameters">The maximum-likelihood parameters (the best found when not converged).</param>
/// <param name="LogLikelihood">The total log-likelihood of the base at <paramref name="Parameters"/>.</param>
/// <param name="Customers">How many customers the fit used.</param>
/// <param name="Converged">Whether the search converged to an interior maximum; when false, do not use the parameters.</param>
/// <param name="Iterations">Log-likelihood evaluations used.</param>
/// <param name="Reason">Why the fit is not trusted; null when it converged.</param>
public sealed record BgNbdFit(BgNbdParameters Parameters, double LogLikelihood, int Customers, bool Converged, int Iterations, string? Reason);
