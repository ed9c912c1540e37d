namespace CustomerEngine.Storage.Customers;

/// <summary>The inputs of RFM scoring for one customer.</summary>
public readonly record struct ValueInputRow(string CustomerId, int Frequency, decimal Monetary, DateTimeOffset LastPurchaseAt);
