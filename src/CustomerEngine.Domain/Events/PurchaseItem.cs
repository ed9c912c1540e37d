using System.Text.Json.Serialization;

namespace CustomerEngine.Domain.Events;

/// <summary>
/// One line of a purchase. <see cref="Discount"/> is an amount off the whole line, so the line's
/// spend is <c>Price × Quantity − Discount</c>.
/// </summary>
public sealed record PurchaseItem(string Sku, string? Category, string? Brand, decimal Price, int Quantity, decimal Discount)
{
    /// <summary>What the customer paid for the line.</summary>
    [JsonIgnore]
    public decimal Spend => (Price * Quantity) - Discount;
}
