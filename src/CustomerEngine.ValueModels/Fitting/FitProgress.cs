namespace CustomerEngine.ValueModels.Fitting;

/// <summary>A snapshot of a running fit.</summary>
/// <param name="Iteration">Log-likelihood evaluations so far.</param>
/// <param name="LogLikelihood">The best log-likelihood found so far.</param>
public readonly record struct FitProgress(int Iteration, double LogLikelihood);
