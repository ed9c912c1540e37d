namespace CustomerEngine.Domain.Value;

/// <summary>What the fitted value models expect of one customer; every figure is finite.</summary>
/// <param name="ProbabilityAlive">BG/NBD P(alive): the probability that the customer still buys from us.</param>
/// <param name="ExpectedTransactions">Expected purchase days over the model's horizon.</param>
/// <param name="ExpectedSpend">Gamma-Gamma expected spend per purchase day.</param>
/// <param name="LifetimeValue">Expected (discounted) spend over the horizon: the customer lifetime value.</param>
public sealed record ValueForecast(double ProbabilityAlive, double ExpectedTransactions, double ExpectedSpend, double LifetimeValue);
