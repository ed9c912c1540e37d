namespace CustomerEngine.ValueModels.Purchases;

/// <summary>One purchase made by a customer.</summary>
/// <param name="At">When the purchase happened.</param>
/// <param name="Amount">What the purchase was worth.</param>
public readonly record struct Purchase(DateTimeOffset At, decimal Amount);
