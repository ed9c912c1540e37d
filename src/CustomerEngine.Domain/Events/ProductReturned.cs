namespace CustomerEngine.Domain.Events;

/// <summary>Data of <c>return</c>: a product of an order brought back, and the amount refunded.</summary>
public sealed record ProductReturned(string OrderId, string Sku, decimal Amount) : EventData;
