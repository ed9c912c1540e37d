namespace CustomerEngine.Domain.Events;

/// <summary>Data of <c>product.viewed</c>.</summary>
public sealed record ProductViewed(string Sku, string? Category, string? Brand, decimal? Price) : EventData;
