namespace CustomerEngine.Engagement.Candidates;

/// <summary>
/// Outputs of the value models (BG/NBD, Gamma-Gamma) for one customer, when the host has them.
/// Optional: every built-in provider and rule works without them and only sharpens with them.
/// </summary>
/// <remarks>
/// Unless the caller sets them, <see cref="EngagementContext.ValueSignals"/> takes them from the
/// value part of the <c>Customer360</c> view (<c>PAlive</c>, <c>Clv</c>) when a fit exists.
/// </remarks>
/// <param name="ProbabilityAlive">The probability (0–1) that the customer is still buying, or null.</param>
/// <param name="ExpectedLifetimeValue">The expected value of future purchases over the model's horizon, or null.</param>
public sealed record CustomerValueSignals(double? ProbabilityAlive = null, double? ExpectedLifetimeValue = null);
