namespace CustomerEngine.Domain.Value;

/// <summary>
/// The key customers are ranked by for tiers: the RFM composite, ties broken by monetary value.
/// </summary>
public readonly record struct ValueRank(int Composite, decimal Monetary) : IComparable<ValueRank>
{
    /// <inheritdoc />
    public int CompareTo(ValueRank other)
    {
        var byComposite = Composite.CompareTo(other.Composite);
        return byComposite != 0 ? byComposite : Monetary.CompareTo(other.Monetary);
    }

    /// <summary>True when <paramref name="left"/> ranks below <paramref name="right"/>.</summary>
    public static bool operator <(ValueRank left, ValueRank right) => left.CompareTo(right) < 0;

    /// <summary>True when <paramref name="left"/> ranks above <paramref name="right"/>.</summary>
    public static bool operator >(ValueRank left, ValueRank right) => left.CompareTo(right) > 0;

    /// <summary>True when <paramref name="left"/> ranks below or level with <paramref name="right"/>.</summary>
    public static bool operator <=(ValueRank left, ValueRank right) => left.CompareTo(right) <= 0;

    /// <summary>True when <paramref name="left"/> ranks above or level with <paramref name="right"/>.</summary>
    public static bool operator >=(ValueRank left, ValueRank right) => left.CompareTo(right) >= 0;
}
