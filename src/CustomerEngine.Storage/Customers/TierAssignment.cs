namespace CustomerEngine.Storage.Customers;

/// <summary>A customer's value tier as assigned by a ranking over the whole base.</summary>
public readonly record struct TierAssignment(string CustomerId, string Tier);
