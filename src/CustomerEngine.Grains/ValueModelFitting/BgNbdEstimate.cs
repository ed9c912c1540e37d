namespace CustomerEngine.Grains.ValueModelFitting;

/// <summary>A fitted BG/NBD model: the parameters and how well they explain the base.</summary>
/// <param name="R">Shape of the gamma distribution of purchase rates.</param>
/// <param name="Alpha">Rate (weeks) of the gamma distribution of purchase rates.</param>
/// <param name="A">First shape of the beta distribution of dropout probabilities.</param>
/// <param name="B">Second shape of the beta distribution of dropout probabilities.</param>
/// <param name="LogLikelihood">Log-likelihood of the base at these parameters.</param>
/// <param name="Customers">Customers the fit used.</param>
/// <param name="Evaluations">Log-likelihood evaluations the search used.</param>
public sealed record BgNbdEstimate(double R, double Alpha, double A, double B, double LogLikelihood, int Customers, int Evaluations);
