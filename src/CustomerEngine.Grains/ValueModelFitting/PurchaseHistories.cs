using CustomerEngine.ValueModels.Purchases;

namespace CustomerEngine.Grains.ValueModelFitting;

/// <summary>Every customer's purchases in a date range, read from the event log.</summary>
/// <param name="Customers">One history per customer with at least one purchase in the range.</param>
/// <param name="ExcludedAnonymousVisitors">Anonymous visitors with purchases in the range who never identified.</param>
public sealed record PurchaseHistories(IReadOnlyList<PurchaseHistory> Customers, int ExcludedAnonymousVisitors);
