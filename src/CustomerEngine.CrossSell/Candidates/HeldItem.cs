namespace CustomerEngine.CrossSell.Candidates;

/// <summary>An item the customer has in the basket or bought recently, with its category if known.</summary>
internal sealed record HeldItem(string Sku, string? Category, HeldIn Source);
