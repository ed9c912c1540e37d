namespace CustomerEngine.Campaigns.Definitions;

/// <summary>
/// Local hours from <see cref="From"/> (0–23, inclusive) to <see cref="To"/> (1–24, exclusive);
/// a range with <see cref="From"/> after <see cref="To"/> runs over midnight.
/// </summary>
public sealed record HourRange
{
    /// <summary>The first hour, 0–23.</summary>
    public int? From { get; init; }

    /// <summary>The hour it ends, 1–24 (exclusive).</summary>
    public int? To { get; init; }
}
