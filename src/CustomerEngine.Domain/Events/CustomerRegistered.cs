namespace CustomerEngine.Domain.Events;

/// <summary>Data of <c>customer.registered</c>: profile fields; absent fields leave the profile as it was.</summary>
public sealed record CustomerRegistered(string? Name, CustomerKind Kind, string? HomeStoreId, IReadOnlyDictionary<string, string> Attributes) : EventData
{
    /// <inheritdoc />
    // Compared by content so that an event read back from the log equals the one written.
    public bool Equals(CustomerRegistered? other) =>
        other is not null
        && base.Equals(other)
        && Name == other.Name
        && Kind == other.Kind
        && HomeStoreId == other.HomeStoreId
        && Attributes.Count == other.Attributes.Count
        && Attributes.All(a => other.Attributes.TryGetValue(a.Key, out var value) && value == a.Value);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Kind, HomeStoreId, Attributes.Count);
}
