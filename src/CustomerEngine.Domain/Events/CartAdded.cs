namespace CustomerEngine.Domain.Events;

/// <summary>Data of <c>cart.added</c>; <see cref="Quantity"/> is 1 when the producer leaves it out.</summary>
public sealed record CartAdded(string Sku, string? Category, string? Brand, decimal? Price, int Quantity) : EventData;
