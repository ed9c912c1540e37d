using System.Text.Json.Serialization;

namespace CustomerEngine.Domain.Events;

/// <summary>Data of <c>purchase</c>: the order, its lines and the amount paid.</summary>
public sealed record Purchase(string OrderId, IReadOnlyList<PurchaseItem> Items, decimal Total) : EventData
{
    /// <summary>The number of units bought over all lines.</summary>
    [JsonIgnore]
    public int ItemCount => Items.Sum(i => i.Quantity);

    /// <inheritdoc />
    // Compared by content so that an event read back from the log equals the one written.
    public bool Equals(Purchase? other) =>
        other is not null
        && base.Equals(other)
        && OrderId == other.OrderId
        && Total == other.Total
        && Items.SequenceEqual(other.Items);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(OrderId, Total, Items.Count);
}
