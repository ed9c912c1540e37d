namespace CustomerEngine.Domain.Customers;

/// <summary>
/// A time that may be absent, in 16 bytes rather than the 24 of a nullable
/// <see cref="DateTimeOffset"/>: absence is the default value, which no event can carry. For the
/// state every active customer holds.
/// </summary>
/// <param name="value">The time, or null for none.</param>
public readonly struct OptionalTime(DateTimeOffset? value) : IEquatable<OptionalTime>
{
    private readonly DateTimeOffset _value = value ?? default;

    /// <summary>The time, or null for none.</summary>
    public DateTimeOffset? Value => _value == default ? null : _value;

    /// <summary>Equal when both are absent or name the same instant, as two nullable times are.</summary>
    public bool Equals(OptionalTime other) => _value.Equals(other._value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is OptionalTime other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value.GetHashCode();
}
