namespace CustomerEngine.ValueModels.Purchases;

/// <summary>Every known purchase of one customer, in any order.</summary>
/// <param name="CustomerId">The customer the purchases belong to.</param>
/// <param name="Purchases">The purchases; order does not matter.</param>
public sealed record PurchaseHistory(string CustomerId, IReadOnlyList<Purchase> Purchases);
