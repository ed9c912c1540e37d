namespace CustomerEngine.ValueModels.Fitting;

/// <summary>The outcome of maximising a log-likelihood over positive parameters.</summary>
/// <param name="Parameters">The best parameters found (natural scale).</param>
/// <param name="LogLikelihood">The log-likelihood at <paramref name="Parameters"/>.</param>
/// <param name="Converged">Whether the search met its tolerance at an interior point.</param>
/// <param name="Evaluations">Log-likelihood evaluations used.</param>
/// <param name="Reason">Why the search is not trusted; null when it converged.</param>
internal sealed record LogSpaceMaximisation(double[] Parameters, double LogLikelihood, bool Converged, int Evaluations, string? Reason);
